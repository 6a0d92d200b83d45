import { defineLocaleResourceBundle } from 'sanity'

/**
 * Our own words over the community zh-Hans locale (@sanity/locale-zh-hans), kept small on purpose. Two kinds:
 * - wording that is unclear to alumni-office editors (“验证错误” is a developer's word; “复制” reads as “copy
 *   to clipboard”), replaced with plain office Chinese;
 * - keys that Sanity 6 added after the locale was last updated and that an editor meets on the desk, in a form
 *   or while publishing (the Studio would show them in English). tests/studio/ finds any that remain.
 * Chinese has no singular form: i18next only reads the `_other` plural of these keys.
 */
export const editorWording = [
  defineLocaleResourceBundle({
    locale: 'zh-Hans',
    namespace: 'studio',
    resources: {
      // Missing from the locale
      'form.field.actions-menu.title': '字段操作',
      'document-status.published-at': '发布于 {{date}}',
      'document.initial-value.error.title': '无法生成初始内容',
      'document.initial-value.error.description': '文档以空白内容打开。{{errorMessage}}',
      'form.validation.summary.errors-count_other': '{{count}} 个错误',
      'form.validation.summary.warnings-count_other': '{{count}} 条提醒',
      'changes.action.revert-all-description': '确定要撤销全部 {{count}} 处修改吗？',
      'changes.unknown-schema-field.description': '内容模型里没有这个字段，按原始数据（JSON）显示。',
      'inputs.object.unknown-fields.warning.title_other': '发现内容模型里没有的字段',
      'document-group.delete.cancel-button.text': '取消',
      'document-group.delete.confirm-button.text_other': '删除（{{count}}）',
      'document-group.delete.title_other': '删除 {{count}} 个{{subject}}',
      'document-group.delete.error.message': '删除时出错，通常是因为还有其他内容引用了它。',
      'document-group.delete.referring-documents-descriptor.text':
        '以下内容引用了“<DocumentTitle/>”，可能无法删除：',
      'document-group.delete.referring-document-count.text_other':
        '有 {{count}} 篇内容引用了“<DocumentTitle/>”',
      'document-group.delete.preview-item.preview-unavailable.title': '无法预览',
      'document-group.subject.version_other': '个版本',
      'document-group-inventory.action.cancel': '取消',
      // Clearer words for editors
      'search.placeholder': '搜索全部内容',
    },
  }),
  defineLocaleResourceBundle({
    locale: 'zh-Hans',
    namespace: 'structure',
    resources: {
      // Missing from the locale
      'document-view.form-view.sync-pending.title': '修改还没有保存',
      'document-view.form-view.sync-pending.description': '正在重试。修改暂存在浏览器里，请不要关闭本页。',
      'document-view.form-view.sync-recovering.title': '正在保存修改…',
      'document-view.form-view.sync-recovering.description': '保存完成后即可继续编辑。',
      'document-view.form-view.sync-stalled.title': '修改仍未保存',
      'document-view.form-view.sync-stalled.description':
        '保存完成前暂停编辑。修改暂存在浏览器里，请保持本页打开，系统会继续重试。',
      'document-inspector.error.title': '出错了',
      'document-inspector.error.description': '这个面板显示时出错。',
      'document-inspector.error.retry-button.text': '重试',
      'document-inspector.error.close-button.aria-label': '关闭面板',
      'incoming-references-pane.no-references': '没有其他内容引用它。',
      'menu-items.layout.restore-default': '默认视图',
      'menu-items.layout.restore-default.disabled-reason': '已经是默认视图',
      'menu-items.sort-by.restore-default': '默认排序',
      'menu-items.sort-by.restore-default.disabled-reason': '已经是默认排序',
      'panes.document-list-pane.search-ordering.aria-label': '更改搜索结果排序',
      'panes.document-list-pane.search-ordering.label': '按{{order}}排序',
      'panes.document-list-pane.search-ordering.relevance': '相关度',
      'panes.document-list-pane.search-ordering.summary-relevance': '按相关度排序',
      'panes.document-list-pane.sort-order.disabled-reason': '这种排序用到的字段不属于这类内容',
      'panes.document-list-pane.error.max-retries-attempted': '已连续失败 {{count}} 次，不再自动重试。',
      'panes.document-pane.variant-target.loading': '正在加载文档…',
      'compare-version.error.loadVersions.title': '无法加载版本',
      'confirm-delete-dialog.confirm-button.text_delete_other': '删除全部版本',
      'confirm-delete-dialog.confirmation.text_delete_other': '确定要删除这篇内容的全部版本吗？',
      // Clearer words for editors
      'action.duplicate.label': '创建副本',
      'action.publish.validation-issues.tooltip': '还有标红的问题，改正后才能发布',
      'action.publish.validation-issues-toast.title': '内容还有问题',
      'action.publish.validation-issues-toast.description': '请先改正标红的问题，再发布',
    },
  }),
  defineLocaleResourceBundle({
    locale: 'zh-Hans',
    namespace: 'validation',
    resources: {
      'panel.title': '内容检查',
      'panel.no-errors-message': '没有发现问题',
      'panel.close-button-aria-label': '关闭内容检查',
    },
  }),
]
