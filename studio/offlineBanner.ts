import { createElement, Fragment } from 'react'
import type { NavbarProps } from 'sanity'

/** Above the offline demo's navbar: says plainly that nothing here reaches sanity.io or the public site. */
export function OfflineNavbar(props: NavbarProps) {
  return createElement(
    Fragment,
    null,
    createElement(
      'div',
      {
        role: 'note',
        'data-testid': 'offline-banner',
        style: {
          background: '#fff4d6',
          color: '#5c4400',
          borderBottom: '1px solid #e6c86e',
          padding: '6px 12px',
          fontSize: '14px',
          lineHeight: 1.5,
        },
      },
      '离线演示：内容保存在本机的模拟内容库（stand-in），不连接 sanity.io，也不会发布到网站。',
    ),
    props.renderDefault(props),
  )
}
