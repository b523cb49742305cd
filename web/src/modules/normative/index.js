// 行政规范性文件 (normative documents). Each part of the document's life adds its entries here,
// grouped under its own heading.
import { Document } from '@element-plus/icons-vue'

const group = { key: 'normative', label: '规范性文件', icon: Document, order: 40 }
const section = { section: 'normative' }

export default {
  name: 'normative',
  label: '行政规范性文件',
  order: 40,
  staffRoutes: [
    // ---- documents after issue: list, record (versions, validity, evaluation, repeal) ----
    { path: 'normative/documents', name: 'norm-documents', component: () => import('./staff/Documents.vue'), meta: { title: '已印发文件', crumbs: [{ title: '规范性文件' }] } },
    { path: 'normative/documents/:id', name: 'norm-document', component: () => import('./staff/Document.vue'), meta: { title: '文件详情', crumbs: [{ title: '规范性文件' }, { title: '已印发文件', to: '/app/normative/documents' }] } },
  ],
  portalRoutes: [
    // ---- the public library ----
    { path: 'normative/library', name: 'portal-norm-library', component: () => import('./portal/Library.vue'), meta: { title: '规范性文件库', ...section } },
    { path: 'normative/library/:id', name: 'portal-norm-library-doc', component: () => import('./portal/LibraryDoc.vue'), meta: { title: '规范性文件', ...section } },
  ],
  menu: [
    // ---- documents after issue ----
    { group, path: '/app/normative/documents', label: '已印发文件', test: 'menu-norm-documents', order: 10, api: 'GET /api/normative/documents' },
  ],
  portal: {
    nav: [
      {
        label: '规范性文件', to: '/normative/library', section: 'normative', test: 'nav-normative', order: 40,
        children: [
          { label: '规范性文件库', to: '/normative/library', test: 'nav-norm-library' },
        ],
      },
    ],
    brand: {
      title: '行政规范性文件',
      sub: '统一登记 · 统一编号 · 统一发布',
      footer: '本库收录本县印发的行政规范性文件，可查询文件在任一日期的效力状态和文本。',
    },
  },
}
