// A form that creates one record (a letter, an application, a registration): its fields, the
// server's error under each field, submitting, and the record once saved.
import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'

// empty: () => the fields of a blank form (their keys are also the keys of the errors).
export function useFormSubmit(empty) {
  const formRef = ref(null)
  const form = reactive(empty())
  const errors = reactive(Object.fromEntries(Object.keys(empty()).map((k) => [k, ''])))
  const submitting = ref(false)
  const result = ref(null)

  function clearErrors() {
    for (const k of Object.keys(errors)) errors[k] = ''
  }

  // Validates the form, then send() saves it and gives the record (undefined: nothing sent);
  // the record is shown from the top of the page. An error the server ties to a field shows
  // under that field, any other as a message.
  async function submitWith(send) {
    if (submitting.value) return
    clearErrors()
    const ok = await formRef.value.validate().catch(() => false)
    if (!ok) return
    submitting.value = true
    try {
      const r = await send()
      if (r === undefined) return
      result.value = r
      window.scrollTo({ top: 0 })
    } catch (err) {
      if (err.field && err.field in errors) errors[err.field] = err.message
      else ElMessage.error(err.message)
    } finally {
      submitting.value = false
    }
  }

  function resetForm() {
    formRef.value?.resetFields()
    clearErrors()
  }

  function again() {
    Object.assign(form, empty())
    clearErrors()
    result.value = null
  }

  return { formRef, form, errors, submitting, result, clearErrors, submitWith, resetForm, again }
}
