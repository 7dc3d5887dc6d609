/** The bidirectional algorithm's use in layout: base direction, right-to-left languages, visual order of a line, mirroring. */
import { firstStrongDirection, isRightToLeftScript, mirrored, visualPieces } from '../../../src/render/pdf/layout/bidi';

const order = (texts: string[], base: 'ltr' | 'rtl') => visualPieces(texts.map((text) => ({ text })), base).map((p) => `${p.text}${p.level % 2 ? '<' : ''}`);

describe('bidi', () => {
  it('finds the base direction from the first strong character', () => {
    expect(firstStrongDirection('123 שלום world', 'ltr')).toBe('rtl');
    expect(firstStrongDirection('“Hello” שלום', 'rtl')).toBe('ltr');
    expect(firstStrongDirection('123 …', 'rtl')).toBe('rtl');
  });

  it('knows which scripts run right to left', () => {
    expect(isRightToLeftScript('abc אב')).toBe(true);
    expect(isRightToLeftScript('Москва 東京')).toBe(false);
  });

  it('puts a line in visual order: runs reversed, numbers and Latin kept left to right inside them', () => {
    expect(order(['He', ' ', 'said', ' ', 'אחת', ' ', 'שתיים', ' ', 'to', ' ', 'me.'], 'ltr')).toEqual(['He', ' ', 'said', ' ', 'שתיים<', ' <', 'אחת<', ' ', 'to', ' ', 'me.']);
    expect(order(['אחת', ' ', '123', ' ', 'שתיים.'], 'rtl')).toEqual(['שתיים.<', ' <', '123', ' <', 'אחת<']);
    // A right-to-left paragraph with an English phrase: the phrase reads left to right.
    expect(order(['אמר', ' ', 'good', ' ', 'night', ' ', 'לי'], 'rtl')).toEqual(['לי<', ' <', 'good', ' ', 'night', ' <', 'אמר<']);
  });

  it('cuts a piece where its level changes (a Hebrew word with an English suffix)', () => {
    expect(order(['שלוםabc'], 'ltr')).toEqual(['שלום<', 'abc']);
  });

  it('mirrors neutral text read right to left, keeping marks after their letter', () => {
    expect(mirrored('(a)')).toBe('(a)');
    expect(mirrored('«x!')).toBe('!x»');
    expect(mirrored('e\u0301f')).toBe('fe\u0301');
  });
});
