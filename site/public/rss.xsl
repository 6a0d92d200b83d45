<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS feed opened in a browser as a Chinese page: what RSS is, how to subscribe, the latest items.
  Feed readers ignore it. Kept free of scripts and external files so it loads at once on a phone.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="feedUrl" select="/rss/channel/atom:link[@rel='self']/@href"/>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/>（RSS 订阅）</title>
        <style>
          body{margin:0;font:16px/1.7 -apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f6f6f4}
          main{max-width:42rem;margin:0 auto;padding:1rem}
          h1{font-size:1.4rem;line-height:1.4;margin:.25rem 0 .5rem}
          h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
          a{color:#9b1b30}
          .tag{display:inline-block;background:#9b1b30;color:#fff;border-radius:4px;padding:0 .5rem;font-size:.85rem}
          .panel{background:#fff;border:1px solid #e4e2dd;border-radius:8px;padding:.25rem 1rem .75rem}
          .url{display:block;background:#f1efe9;border-radius:6px;padding:.5rem;word-break:break-all;user-select:all;-webkit-user-select:all;font-family:ui-monospace,Menlo,monospace;font-size:.9rem}
          ol{padding-left:1.25rem}
          ul.items{list-style:none;padding:0;margin:0}
          ul.items li{border-bottom:1px solid #e4e2dd;padding:.75rem 0}
          ul.items a{font-weight:600;text-decoration:none}
          ul.items p{margin:.25rem 0 0;color:#57606a;font-size:.95rem}
          small{color:#6e7781}
        </style>
      </head>
      <body>
        <main>
          <p><span class="tag">RSS 订阅源</span></p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p><xsl:value-of select="/rss/channel/description"/></p>
          <section class="panel" aria-labelledby="how">
            <h2 id="how">这是什么？怎样订阅？</h2>
            <p>这是本栏目的 RSS 订阅源。订阅后不必反复打开网站：有新内容时，RSS 阅读器会自动收到并提醒你。</p>
            <ol>
              <li>复制下面的订阅地址（长按或点击即可全选）：<code class="url"><xsl:value-of select="$feedUrl"/></code></li>
              <li>打开 RSS 阅读器，例如 Feedly、Inoreader（网页和手机）或 NetNewsWire（iPhone、iPad、Mac）。</li>
              <li>选择“添加订阅”或“＋”，粘贴地址，确认即可。</li>
            </ol>
            <p><small>在微信中打开时，可点右上角“…”选择“复制链接”，再粘贴到阅读器中。</small></p>
            <p><a href="{/rss/channel/link}">← 返回网站</a></p>
          </section>
          <h2>最近更新</h2>
          <ul class="items">
            <xsl:for-each select="/rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <xsl:if test="pubDate">
                  <br/><small><xsl:call-template name="date"><xsl:with-param name="rfc822" select="pubDate"/></xsl:call-template></small>
                </xsl:if>
                <xsl:if test="description">
                  <p><xsl:value-of select="description"/></p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- "Sat, 21 Nov 2026 04:00:00 GMT" → "2026年11月21日" (the date in UTC). -->
  <xsl:template name="date">
    <xsl:param name="rfc822"/>
    <xsl:variable name="month" select="substring($rfc822, 9, 3)"/>
    <xsl:value-of select="substring($rfc822, 13, 4)"/>
    <xsl:text>年</xsl:text>
    <xsl:value-of select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $month)) div 3 + 1"/>
    <xsl:text>月</xsl:text>
    <xsl:value-of select="number(substring($rfc822, 6, 2))"/>
    <xsl:text>日</xsl:text>
  </xsl:template>
</xsl:stylesheet>
