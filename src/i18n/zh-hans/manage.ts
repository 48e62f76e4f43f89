import type { MessageOverrides } from '../messages';

/** Simplified Chinese for the credential list. Missing messages fall back to English. */
export const manage: NonNullable<MessageOverrides['manage']> = {
  // 中文名称与中文之间不加空格，拉丁字母与中文之间加一个空格。
  listLabel: (p: { provider: string }) =>
    `${p.provider}${/\p{Script=Han}$/u.test(p.provider) ? '' : ' '}凭据`,
  loading: '正在加载凭据…',
  empty: '还没有凭据。',
  emptyHint: '添加 API 密钥或通过 OAuth 连接即可创建。',
  loadFailed: '无法加载凭据。',
  method: { api_key: 'API 密钥', oauth2: 'OAuth' },
  maskedHint: '••••••••',
  maskedHintLabel: '密钥已隐藏',
  noKey: '无密钥',
  defaultBadge: '默认',
  status: { active: '有效', expired: '已过期', invalid: '无效' },
  health: {
    verified: (p: { time: string }) => `已验证（${p.time}）`,
    expires: (p: { time: string }) => `过期时间：${p.time}`,
    expired: (p: { time: string }) => `已过期（${p.time}）`,
    refreshFailed: (p: { time: string }) => `刷新失败（${p.time}），请重新授权`,
    refreshFailedUndated: '刷新失败，请重新授权',
    expiresNoRenewal: (p: { time: string }) => `过期时间：${p.time}，需重新授权才能续期`,
  },
  moreActions: (p: { name: string }) => `“${p.name}”的更多操作`,
  actions: {
    test: '测试连接',
    rename: '重命名',
    edit: '编辑',
    reauthorize: '重新授权',
    setDefault: '设为默认',
    delete: '删除',
  },
  test: {
    result: (p: { name: string; sentence: string }) => `“${p.name}”：${p.sentence}`,
    testing: '测试中…',
    failed: (p: { name: string }) => `无法测试“${p.name}”。`,
  },
  rename: {
    label: (p: { name: string }) => `“${p.name}”的新名称`,
    save: '保存',
    cancel: '取消',
    keyboardHint: '按 Enter 保存，按 Esc 取消。',
    renamed: (p: { name: string }) => `已重命名为“${p.name}”。`,
    stale: '此凭据已被他人修改，列表已刷新，请重试。',
  },
  setDefault: {
    done: (p: { name: string }) => `“${p.name}”已设为默认。`,
    failed: (p: { name: string }) => `无法将“${p.name}”设为默认。`,
  },
  delete: {
    title: '删除凭据',
    description: (p: { name: string }) =>
      `删除“${p.name}”？使用它的流水线将无法运行，直到为其指定其他凭据。`,
    usedBy: (p: { count: number }) => `被 ${p.count} 个节点使用：`,
    unused: '没有节点使用它。',
    defaultNote: '它是默认凭据：跟随默认设置的节点将改用剩余凭据中最早创建的一个（如有）。',
    confirm: '删除',
    deleting: '删除中…',
    deleted: (p: { name: string }) => `已删除“${p.name}”。`,
  },
};
