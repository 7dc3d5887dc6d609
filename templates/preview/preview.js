// quire preview's page: opens /book.epub in foliate-js's <foliate-view> (paginated, in a device frame, with a theme
// and a font size) and /book.pdf in pdf.js, listens to /events for each rebuild, and reloads both in place: the reader
// goes back to the same place (its CFI, or its fraction of the book when the CFI no longer resolves). A build error
// is shown over the last good book, exactly as the terminal prints it, until a save fixes it.
import '/foliate/view.js'
import { FootnoteHandler } from '/foliate/footnotes.js'
import * as pdfjs from '/pdfjs/build/pdf.mjs'

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs'

const $ = id => document.getElementById(id)
const screen = $('screen')
const THEMES = {
    light: { bg: '#ffffff', fg: '#111111', link: '#1a4f9c' },
    sepia: { bg: '#f4ecd8', fg: '#3b2f1e', link: '#7a4a12' },
    dark: { bg: '#121212', fg: '#dedbd4', link: '#8fb4ff' },
}
const settings = { device: 'e6', theme: 'light', fontSize: 100, pdfLayout: 'spreads', pdfZoom: 1 }
try { Object.assign(settings, JSON.parse(localStorage.getItem('quire-preview') ?? '{}')) } catch { /* defaults */ }

/** What the page shows now: read by people in the status line, and by tests through window.quirePreview. */
const state = { version: 0, status: 'connecting', error: null, location: null, note: null, reloads: 0, pdfPages: 0 }
window.quirePreview = state

let view = null
let loading = Promise.resolve()

const readerCSS = () => {
    const { bg, fg, link } = THEMES[settings.theme]
    // --theme-bg-color is what foliate's paginator paints behind the columns and margins.
    return `html { --theme-bg-color: ${bg}; color-scheme: ${settings.theme === 'dark' ? 'dark' : 'light'}; font-size: ${settings.fontSize}% !important; }
html, body { background: ${bg} !important; color: ${fg} !important; }
a:any-link { color: ${link} !important; }`
}
const applySettings = () => {
    $('device-frame').className = `frame ${settings.device}`
    screen.className = settings.theme
    $('pdf-pages').className = settings.pdfLayout
    for (const [id, key] of [['device', 'device'], ['theme', 'theme'], ['font-size', 'fontSize'], ['pdf-layout', 'pdfLayout'], ['pdf-zoom', 'pdfZoom']])
        $(id).value = String(settings[key])
    view?.renderer?.setStyles?.(readerCSS())
    localStorage.setItem('quire-preview', JSON.stringify(settings))
}

// Foliate's own note popup: a noteref opens the note in a small second view at the bottom of the screen.
const footnotes = new FootnoteHandler()
footnotes.addEventListener('before-render', ({ detail: { view: noteView } }) => {
    noteView.addEventListener('load', () => noteView.renderer?.setStyles?.(readerCSS()))
    const popup = $('popup')
    popup.replaceChildren($('popup-close'), noteView)
    popup.hidden = false
})
footnotes.addEventListener('render', ({ detail: { view: noteView } }) => {
    state.note = noteView.renderer?.getContents?.()[0]?.doc?.URL ?? null
})
const closePopup = () => { $('popup').hidden = true }
$('popup-close').addEventListener('click', closePopup)

const onKey = e => {
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') view?.goLeft()
    else if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') view?.goRight()
    else if (e.key === 'Escape') closePopup()
}
document.addEventListener('keydown', onKey)

const fillContents = toc => {
    const select = $('toc')
    const options = [new Option('—', '')]
    const walk = (items, depth) => {
        for (const item of items ?? []) {
            options.push(new Option(`${'\u2003'.repeat(depth)}${item.label}`, item.href))
            walk(item.subitems, depth + 1)
        }
    }
    walk(toc, 0)
    select.replaceChildren(...options)
}

/** Opens a version of the book in a fresh view behind the current one, at `place`, then swaps them. */
async function openEpub(version, place) {
    const next = document.createElement('foliate-view')
    next.classList.add('loading')
    screen.append(next)
    try {
        await next.open(`/book.epub?v=${version}`)
        next.renderer.setAttribute('flow', 'paginated')
        next.renderer.setAttribute('max-column-count', '1')
        next.renderer.setAttribute('margin', '36px')
        next.renderer.setAttribute('gap', '7%')
        next.renderer.setStyles(readerCSS())
        next.addEventListener('load', ({ detail: { doc } }) => doc.addEventListener('keydown', onKey))
        next.addEventListener('relocate', ({ detail }) => {
            if (next !== view) return
            const url = next.renderer.getContents?.()[0]?.doc?.URL ?? null
            state.location = { cfi: detail.cfi, fraction: detail.fraction ?? 0, section: detail.section?.current ?? null, toc: detail.tocItem?.label ?? null, href: detail.tocItem?.href ?? null, url, page: next.renderer.page ?? null, pages: next.renderer.pages ?? null }
            $('progress').textContent = `${Math.round((detail.fraction ?? 0) * 100)}%${detail.tocItem?.label ? ` · ${detail.tocItem.label}` : ''}`
            if (detail.tocItem?.href) $('toc').value = detail.tocItem.href
        })
        next.addEventListener('link', e => {
            const handled = footnotes.handle(next.book, e)
            handled?.catch(err => console.error(err))
        })
        view?.removeAttribute('id')
        const old = view
        view = next
        await next.init({ lastLocation: place?.cfi })
        // The CFI may not resolve in the new text (a paragraph removed): fall back to the same part of the book.
        if (place && state.location?.section !== place.section && typeof place.fraction === 'number') await next.goToFraction(place.fraction)
        next.classList.remove('loading')
        old?.close()
        old?.remove()
        fillContents(next.book.toc)
        if (state.location?.href) $('toc').value = state.location.href
        state.version = version
        state.reloads++
    } catch (err) {
        next.remove()
        throw err
    }
}

let pdfTask = null
let pdfObserver = null
/** Renders a version of the PDF at its trim size (times the zoom), each page as it scrolls into sight, keeping the pane's scroll position. */
async function openPdf(version) {
    const pane = $('pdf-pane')
    const scroll = pane.scrollTop
    const doc = await pdfjs.getDocument({ url: `/book.pdf?v=${version}`, isEvalSupported: false }).promise
    const pages = []
    for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n)
        const viewport = page.getViewport({ scale: (96 / 72) * settings.pdfZoom })
        const box = document.createElement('div')
        box.className = 'page'
        box.style.width = `${viewport.width}px`
        box.style.height = `${viewport.height}px`
        box.dataset.page = String(n)
        pages.push({ page, viewport, box })
    }
    const observer = new IntersectionObserver(entries => {
        for (const entry of entries) {
            if (!entry.isIntersecting) continue
            observer.unobserve(entry.target)
            const { page, viewport, box } = pages[Number(entry.target.dataset.page) - 1]
            const ratio = window.devicePixelRatio || 1
            const canvas = document.createElement('canvas')
            canvas.width = Math.floor(viewport.width * ratio)
            canvas.height = Math.floor(viewport.height * ratio)
            canvas.style.width = `${viewport.width}px`
            canvas.style.height = `${viewport.height}px`
            box.append(canvas)
            page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] })
                .promise.then(() => { box.dataset.rendered = 'true' }, err => console.error(err))
        }
    }, { root: pane, rootMargin: '600px' })
    $('pdf-pages').replaceChildren(...pages.map(p => p.box))
    for (const { box } of pages) observer.observe(box)
    pane.scrollTop = scroll
    pdfObserver?.disconnect()
    pdfObserver = observer
    pdfTask?.destroy()
    pdfTask = doc
    state.pdfPages = doc.numPages
    state.pdfVersion = version
}

const showError = text => {
    state.error = text
    $('overlay-text').textContent = text ?? ''
    $('overlay').hidden = text == null
}
$('overlay-hide').addEventListener('click', () => { $('overlay').hidden = true })

const say = text => { $('status').textContent = text }

async function onStatus(message) {
    state.status = message.status
    if (message.status === 'building') return say('building…')
    showError(message.status === 'error' ? message.text : null)
    const formats = message.formats ?? []
    $('device-frame').hidden = !formats.includes('epub') && message.version > 0
    $('no-epub').hidden = formats.includes('epub') || message.version === 0
    $('no-pdf').hidden = formats.includes('pdf') || message.version === 0
    if (message.version > 0 && message.version !== state.version) {
        const place = state.location
        const started = performance.now()
        await Promise.all([
            formats.includes('epub') ? openEpub(message.version, place) : null,
            formats.includes('pdf') ? openPdf(message.version) : null,
        ])
        if (!formats.includes('epub')) state.version = message.version
        state.lastReloadMs = Math.round(performance.now() - started)
    }
    say(message.status === 'error' ? `build failed · showing version ${state.version}` : `version ${state.version} · ${new Date().toLocaleTimeString()}`)
}

const events = new EventSource('/events')
events.addEventListener('message', e => {
    const message = JSON.parse(e.data)
    loading = loading.then(() => onStatus(message)).catch(err => {
        console.error(err)
        say(`could not show the book: ${err.message}`)
    })
})
events.addEventListener('error', () => say('disconnected: is quire preview still running?'))

for (const [id, key, parse] of [['device', 'device', String], ['theme', 'theme', String], ['font-size', 'fontSize', Number], ['pdf-layout', 'pdfLayout', String], ['pdf-zoom', 'pdfZoom', Number]])
    $(id).addEventListener('change', e => {
        settings[key] = parse(e.target.value)
        applySettings()
        if (key === 'pdfZoom' && state.pdfVersion) openPdf(state.pdfVersion).catch(err => console.error(err))
    })
$('toc').addEventListener('change', e => { if (e.target.value) view?.goTo(e.target.value) })
$('prev').addEventListener('click', () => view?.goLeft())
$('next').addEventListener('click', () => view?.goRight())
applySettings()
