// The reading-engine test's app: opens a book in foliate-js's <foliate-view> as Foliate's reader does, and answers
// questions about what is on screen. Every answer is plain data (JSON) for Playwright. Geometry is in the page's CSS
// pixels: a node's box inside a section's iframe plus the iframe's own box, so "on screen" means inside the view.
import '/foliate/view.js'
import { FootnoteHandler } from '/foliate/footnotes.js'

const view = document.createElement('foliate-view')
document.body.prepend(view)

const relocations = []
// Moves the reader made to follow a link or a contents entry (the paginator's "navigation"), as opposed to page
// turns and the scroll that keeps a focused element in view.
let navigations = 0
view.addEventListener('relocate', ({ detail }) => {
    relocations.push({ index: detail.section?.current ?? null, cfi: detail.cfi, toc: detail.tocItem?.label ?? null })
})

// Foliate's own note popup (footnotes.js): a noteref opens the note in a second, small foliate-view.
const footnotes = new FootnoteHandler()
const notes = []
let popupsOn = false
view.addEventListener('link', e => {
    if (!popupsOn) return
    footnotes.handle(view.book, e)?.catch(err => console.error(err))
})
footnotes.addEventListener('before-render', ({ detail: { view: noteView } }) => {
    const popup = document.getElementById('popup')
    popup.replaceChildren(noteView)
    popup.classList.add('open')
})
footnotes.addEventListener('render', ({ detail: { view: noteView, href, type } }) => {
    const doc = noteView.renderer.getContents()[0]?.doc
    notes.push({ href, type, text: doc?.body?.textContent?.trim() ?? '' })
})

const current = () => {
    const contents = view.renderer?.getContents?.()[0]
    if (!contents?.doc) throw new Error('no section is rendered')
    return contents
}
const sectionId = index => String(view.book.sections[index]?.id ?? '')

const frameOffset = doc => {
    const frame = doc.defaultView.frameElement
    if (!frame) throw new Error('the section is not in an iframe')
    const r = frame.getBoundingClientRect()
    return { x: r.left, y: r.top }
}
const boxes = node => {
    const doc = node.ownerDocument ?? node.startContainer.ownerDocument
    const { x, y } = frameOffset(doc)
    return [...node.getClientRects()]
        .filter(r => r.width > 0 && r.height > 0)
        .map(r => ({ left: r.left + x, right: r.right + x, top: r.top + y, bottom: r.bottom + y }))
}
const viewBox = () => {
    const r = view.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
}
const inside = (b, v) => b.left >= v.left - 1 && b.right <= v.right + 1 && b.top >= v.top - 1 && b.bottom <= v.bottom + 1
/** The text of an element as a range (its glyphs, not its block box). */
const textRange = el => {
    const range = el.ownerDocument.createRange()
    range.selectNodeContents(el)
    return range
}
/** Whether the element is on the page a reader sees: in foliate's visible range, and its glyphs inside the view. */
const onScreen = el => {
    const visibleRange = view.lastLocation?.range
    const inRange = !!visibleRange && visibleRange.intersectsNode(el)
    const v = viewBox()
    const glyphs = boxes(textRange(el))
    return inRange && glyphs.length > 0 && glyphs.some(b => inside(b, v))
}
const find = selector => {
    const el = current().doc.querySelector(selector)
    if (!el) throw new Error(`nothing matches ${selector} in ${sectionId(current().index)}`)
    return el
}
const findText = (selector, text) => {
    const el = [...current().doc.querySelectorAll(selector)].find(e => e.textContent.includes(text))
    if (!el) throw new Error(`no ${selector} holds “${text}” in ${sectionId(current().index)}`)
    return el
}
const settle = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))))

window.reader = {
    ready: true,
    async open(url, { popups = false } = {}) {
        popupsOn = popups
        await view.open(url)
        view.renderer.addEventListener('relocate', ({ detail }) => {
            if (detail.reason === 'navigation') navigations++
        })
        await view.init({})
        await settle()
        return this.state()
    },
    book() {
        const { book } = view
        return {
            dir: book.dir ?? null,
            language: book.metadata?.language ?? null,
            sections: book.sections.map(s => String(s.id)),
            toc: (book.toc ?? []).map(function flat(item) {
                return { label: item.label, href: item.href, subitems: (item.subitems ?? []).map(flat) }
            }),
            landmarks: (book.landmarks ?? []).map(l => ({ type: l.type, href: l.href, label: l.label })),
        }
    },
    state() {
        const { index, doc } = current()
        return {
            index,
            section: sectionId(index),
            url: doc.URL,
            relocations: relocations.length,
            rendererDir: view.renderer.getAttribute('dir'),
            documentDir: doc.defaultView.getComputedStyle(doc.body).direction,
            page: view.renderer.page ?? null,
            pages: view.renderer.pages ?? null,
            scroll: view.renderer.containerPosition ?? null,
        }
    },
    relocations: () => relocations.length,
    navigations: () => navigations,
    settle,
    lastRelocation: () => relocations[relocations.length - 1] ?? null,
    /** The current section's <head> in order: which style sheets come after which (link href or style text). */
    headStyles() {
        return [...current().doc.head.children]
            .filter(e => e.matches('link[rel~="stylesheet"], style'))
            .map(e => e.localName === 'link' ? `link:${e.getAttribute('href')}` : `style:${e.textContent.trim()}`)
    },
    notes: () => notes.slice(),
    async goTo(target) {
        await view.goTo(target)
        await settle()
        return this.state()
    },
    async next() {
        await view.next()
        await settle()
        return this.state()
    },
    /** Appends a reader's own style sheet after the book's, in every section it renders (foliate's setStyles). */
    async setStyles(css) {
        view.renderer.setStyles(css)
        await settle()
    },
    /** Glyph boxes of the element's text, line by line, and the box of the element itself. */
    lines(selector, text) {
        const el = text ? findText(selector, text) : find(selector)
        const [block] = boxes(el)
        const rects = boxes(textRange(el))
        const lines = []
        for (const r of rects) {
            const line = lines.find(l => Math.abs((l.top + l.bottom) / 2 - (r.top + r.bottom) / 2) < (r.bottom - r.top) / 2)
            if (line) Object.assign(line, { left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) })
            else lines.push({ ...r })
        }
        const style = el.ownerDocument.defaultView.getComputedStyle(el)
        return { text: el.textContent.trim(), block, lines, textAlign: style.textAlign, view: viewBox() }
    },
    onScreen(selector, text) {
        return onScreen(text ? findText(selector, text) : find(selector))
    },
    /** Where an element's text starts on screen (the first glyph box), to see which way pages turn. */
    firstBox(selector, text) {
        const el = text ? findText(selector, text) : find(selector)
        return boxes(textRange(el))[0] ?? null
    },
    view: viewBox,
    /** The first element matching `selector` that is not on screen (the start of the next page), and where it is. */
    firstUnseen(selector) {
        const el = [...current().doc.querySelectorAll(selector)].find(e => !onScreen(e))
        return el ? { text: el.textContent.trim(), box: boxes(textRange(el))[0] ?? null } : null
    },
    /**
     * The cover picture as the reader shows it (an <img>, or an SVG <image> in a wrapper), decoded: a grey-level grid
     * of `region` (in image pixels). The picture is read from the URL the section shows (foliate's blob: URL).
     */
    async picture(region, grid) {
        const el = find('img, image')
        const href = el.localName === 'img' ? el.currentSrc || el.src
            : el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href')
        const img = new Image()
        img.src = new URL(href, el.ownerDocument.baseURI).href
        await img.decode()
        const shown = boxes(el)
        const canvas = document.createElement('canvas')
        canvas.width = grid.width
        canvas.height = grid.height
        const ctx = canvas.getContext('2d')
        ctx.imageSmoothingQuality = 'high'
        ctx.drawImage(img, region.x, region.y, region.width, region.height, 0, 0, grid.width, grid.height)
        const { data } = ctx.getImageData(0, 0, grid.width, grid.height)
        const grey = []
        for (let i = 0; i < data.length; i += 4) grey.push(Math.round(0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]))
        return {
            element: el.localName,
            natural: { width: img.naturalWidth, height: img.naturalHeight },
            onScreen: shown.length > 0 && shown.some(b => inside(b, viewBox())),
            grey,
        }
    },
}
