// Text pasted into a field with a length limit (maxlength) is cut by the browser without a word.
// This says so: the field's label, its limit and how much did not go in (issue 15, item 19).
import { ElMessage } from 'element-plus'

function fieldLabel(el) {
  const item = el.closest('.el-form-item')
  const label = item?.querySelector('.el-form-item__label')?.textContent?.trim()
  return label || el.getAttribute('aria-label') || el.placeholder || '该栏'
}

/** What a paste of `text` into `el` would leave out, in characters (0: it all fits). */
export function cutByPaste(el, text) {
  const max = el.maxLength
  if (!(max > 0) || !text) return 0
  const selected = Math.max(0, (el.selectionEnd ?? 0) - (el.selectionStart ?? 0))
  return Math.max(0, el.value.length - selected + text.length - max)
}

export function warnOnCutPaste(root = document) {
  root.addEventListener('paste', (e) => {
    const el = e.target
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return
    const cut = cutByPaste(el, e.clipboardData?.getData('text') || '')
    if (!cut) return
    ElMessage({
      type: 'warning',
      duration: 6000,
      customClass: 'paste-cut',
      message: `“${fieldLabel(el).replace(/[:：]$/, '')}”最多 ${el.maxLength} 个字，粘贴的内容有 ${cut} 个字超出未能填入，请删减后重新粘贴`,
    })
  }, true)
}
