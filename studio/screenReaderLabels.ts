import { useEffect } from 'react'
import type { LayoutProps } from 'sanity'

/**
 * Screen-reader labels that @sanity/ui writes in English whatever the Studio's language: they are hard-coded in its
 * Dialog ("Close dialog") and Autocomplete ("Open", the reference fields' search), out of reach of Sanity's i18n and
 * of the zh-Hans locale. Editors who use a screen reader hear them in Chinese instead.
 */
export const SCREEN_READER_LABELS: Readonly<Record<string, string>> = {
  'Close dialog': '关闭对话框',
  Open: '展开选项列表',
}

const selector = Object.keys(SCREEN_READER_LABELS)
  .map((label) => `[aria-label="${label}"]`)
  .join(',')

function translate(element: Element) {
  const label = element.getAttribute('aria-label')
  const chinese = label === null ? undefined : SCREEN_READER_LABELS[label]
  if (chinese) element.setAttribute('aria-label', chinese)
}

function translateWithin(root: Element | Document) {
  if (root instanceof Element) translate(root)
  for (const element of root.querySelectorAll(selector)) translate(element)
}

/** The Studio's layout, with @sanity/ui's English screen-reader labels put into Chinese as they appear. */
export function ChineseScreenReaderLabels(props: LayoutProps) {
  useEffect(() => {
    translateWithin(document)
    // Dialogs and popovers render in portals at the end of <body>, and React may set a label again when it
    // re-renders: watch the whole body for new elements and changed labels.
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') translate(mutation.target as Element)
        else for (const node of mutation.addedNodes) if (node instanceof Element) translateWithin(node)
      }
    })
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    })
    return () => observer.disconnect()
  }, [])
  return props.renderDefault(props)
}
