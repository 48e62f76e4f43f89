import type { MessageOverrides } from '../messages';

/** 通用词语。 */
export const common: MessageOverrides['common'] = {
  retry: '重试',
  cancel: '取消',
  close: '关闭',
  save: '保存',
  loading: '加载中…',
  optional: '（可选）',
  choose: '请选择…',
  none: '无',
  field: { show: '显示', hide: '隐藏', learnMore: '了解更多' },
  copyField: { copy: '复制', copied: '已复制', failed: '无法复制。请选中地址后手动复制。' },
  error: {
    network: '无法连接服务器。请检查网络后重试。',
    unauthorized: '登录已过期。请重新登录后重试。',
    forbidden: '你没有执行此操作的权限。',
    notFound: '该项目已不存在，可能已在别处被删除。',
    conflict: '此项已被他人修改。请查看最新版本后重试。',
    rateLimited: (p: { seconds: number | null }) =>
      p.seconds ? `请求过多，请 ${p.seconds} 秒后重试。` : '请求过多，请稍后重试。',
    server: '服务器出现问题，重试可能会有帮助。',
    details: (p: { detail: string }) => `详情：${p.detail}`,
    unknown: '出了点问题。',
  },
};
