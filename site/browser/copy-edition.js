// Copies edition.html as rich text. A file, not inline (CSP script-src 'self'); the button is hidden without it.
// Shipped as written, not compiled: ES2019 at most (no ?. or ??), for the older WeChat webviews.
const button = document.querySelector('[data-copy-edition]')
const status = document.querySelector('[data-copy-status]')
const say = (text) => status && (status.textContent = text)

if (
  button &&
  (window.ClipboardItem || (document.queryCommandSupported && document.queryCommandSupported('copy')))
) {
  button.hidden = false
  button.addEventListener('click', async () => {
    say('正在复制…')
    const body = fetch(button.dataset.copyEdition)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.status))))
      .then((html) => new DOMParser().parseFromString(html, 'text/html').body)
    // Promised blobs keep clipboard.write within the click's user activation (Safari).
    const blob = (type, read) => body.then((element) => new Blob([read(element)], { type }))
    try {
      try {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': blob('text/html', (element) => element.innerHTML),
            'text/plain': blob('text/plain', (element) =>
              element.textContent.replace(/\s*\n\s*/g, '\n').trim(),
            ),
          }),
        ])
      } catch {
        copyBySelection(await body)
      }
      say('已复制，可粘贴到公众号编辑器或邮件中')
    } catch {
      say('复制失败，请打开公众号/邮件版后全选复制')
    }
  })
}

// No async clipboard: select the edition in this page and execCommand('copy').
function copyBySelection(body) {
  const holder = document.createElement('div')
  holder.style.position = 'fixed'
  holder.style.left = '-9999px'
  holder.append(...body.childNodes)
  document.body.append(holder)
  const range = document.createRange()
  range.selectNodeContents(holder)
  getSelection().removeAllRanges()
  getSelection().addRange(range)
  const copied = document.execCommand('copy')
  getSelection().removeAllRanges()
  holder.remove()
  if (!copied) throw new Error('copy')
}
