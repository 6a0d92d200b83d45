// 大字 switch: runs in <head> so a remembered choice applies before first paint. Shipped as written: ES5, < 1 KB.
;(function () {
  var root = document.documentElement
  var key = 'alumni-text-size'
  var large = false
  try {
    large = localStorage.getItem(key) === 'large'
  } catch (error) {}
  root.className += large ? ' js text-large' : ' js'
  function show(button) {
    button.setAttribute('aria-pressed', String(large))
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-text-size]')
    if (button) show(button)
  })
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-text-size]')
    if (!button) return
    large = !large
    root.classList.toggle('text-large', large)
    show(button)
    try {
      localStorage.setItem(key, large ? 'large' : 'normal')
    } catch (error) {}
  })
})()
