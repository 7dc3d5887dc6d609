/** Image blocks: a JPEG or PNG scaled to fit the text block, with its caption; other formats are reported and skipped. */
import { QuireError } from '../../../diagnostics/types';
import type { ImageBlock } from '../../../model/types';
import type { BlockCtx } from './block-ctx';
import { bodyStyle, wordsOf, type LayoutEnv } from './env';
import { setParagraph } from './paragraph';
import type { FlowBlock, FlowBox } from './types';

/** Pixel size of a PNG or JPEG from its header, or undefined for any other format. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1];
      const length = data.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** An image block as one unsplittable block: the picture centred, at most the measure wide and 60 % of the page tall. */
export function layoutImage(node: ImageBlock, ctx: BlockCtx, env: LayoutEnv): FlowBlock[] {
  let data: Buffer;
  try {
    data = env.assets.manuscriptFile(node.url);
  } catch (error) {
    if (!(error instanceof QuireError)) throw error;
    env.report.warn(error.diagnostic.rule, `${error.message}; the image is left out of the PDF`, { position: node.position, source: 'render:pdf' });
    return [];
  }
  const size = imageSize(data);
  if (!size || size.width === 0 || size.height === 0) {
    env.report.warn('image-unsupported', `${node.url} is not a JPEG or PNG; the image is left out of the PDF`, {
      position: node.position,
      hint: 'Convert the image to JPEG or PNG.',
      source: 'render:pdf',
    });
    return [];
  }
  const available = env.measure - ctx.left - ctx.right;
  // Pixels at 96 per inch, never enlarged beyond that, shrunk to the measure and to 60 % of the text height.
  const scale = Math.min(0.75, available / size.width, (env.textHeight * 0.6) / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  const gap = env.theme.body.leading / 2;
  const boxes: FlowBox[] = [{ height: height + gap, ops: [{ type: 'image' as const, data, x: ctx.left + (available - width) / 2, y: gap / 2, width, height }] }];
  if (node.caption?.length) {
    const scaleText = ctx.scale * env.theme.small;
    const style = bodyStyle(env, scaleText, 'serif-italic');
    boxes.push(...setParagraph(wordsOf(node.caption, style, env), {
      width: env.measure - ctx.right, indent: ctx.left, align: 'center', leading: env.theme.body.leading * scaleText,
    }, env.fonts));
  }
  return [{ boxes, spaceBefore: gap, spaceAfter: gap, splittable: false }];
}
