// 大字 switch. Async in <head>: from the cache it runs before first paint. Shipped as written: ES5, < 1 KB.
;(function () {
  var root = document.documentElement
  var key = 'alumni-text-size'
  var large = false
  try {
    large = localStorage.getItem(key) === 'large'
  } catch (error) {}
  root.className += large ? ' js text-large' : ' js'
  function show() {
    var button = document.querySelector('[data-text-size]')
    if (button) button.setAttribute('aria-pressed', String(large))
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show)
  else show()
  document.addEventListener('click', function (event) {
    if (!(event.target.closest && event.target.closest('[data-text-size]'))) return
    large = !large
    root.classList.toggle('text-large', large)
    show()
    try {
      localStorage.setItem(key, large ? 'large' : 'normal')
    } catch (error) {}
  })
})()
