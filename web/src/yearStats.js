// A statistics page of one year: the year picked (at first the server's default, the year being
// reported on: the previous one in January to March, docs/lists.md), the agency picked by those
// who see every agency, the figures loaded, and the report paragraph copied to the clipboard.
import { onMounted, ref } from 'vue'
import { ElMessage } from 'element-plus'
import api from './api.js'
import { getAgencies } from './session.js'
import { todayShanghai } from './format.js'
import { copyText } from './clipboard.js'

// path: the statistics endpoint; query(agency): the parameters besides the year, from the
// agency picked ('0': the whole county); seesAll(): whether the agency list is needed;
// notFound: the message when the endpoint answers 404.
export function useYearStats(path, { query = null, seesAll = () => false, notFound = '' } = {}) {
  const thisYear = Number(todayShanghai().slice(0, 4))
  const year = ref('') // '' until the first answer says which year the server chose
  const agency = ref('0')
  const agencies = ref([])
  const loading = ref(false)
  const error = ref('')
  const data = ref({})

  async function load() {
    loading.value = true
    error.value = ''
    try {
      data.value = await api.get(path, { year: year.value || undefined, ...(query ? query(agency.value) : {}) })
      if (!year.value && data.value.year) year.value = String(data.value.year)
    } catch (err) {
      data.value = {}
      error.value = err.status === 404 && notFound ? notFound : err.message
    } finally {
      loading.value = false
    }
  }

  async function copy() {
    try {
      await copyText(data.value.paragraph || '')
      ElMessage.success('段落已复制')
    } catch {
      ElMessage.warning('复制失败，请手动选择文字复制')
    }
  }

  onMounted(() => {
    load()
    if (seesAll()) getAgencies().then((a) => (agencies.value = a)).catch(() => {})
  })

  return { thisYear, year, agency, agencies, loading, error, data, load, copy }
}
