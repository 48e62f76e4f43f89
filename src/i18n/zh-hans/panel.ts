import type { MessageOverrides } from '../messages';

/** 数据源节点的侧边面板。 */
export const panel: MessageOverrides['panel'] = {
  label: (p: { name: string }) => `${p.name} 连接`,
  close: '关闭面板',
  connect: {
    connect: '连接',
    connectAnother: '添加凭据',
    addOAuth: '添加 OAuth',
    addApiKey: '添加 API 密钥',
    clientSettings: 'OAuth 客户端设置',
  },
  notConnected: '此数据源尚未连接。连接后流水线才能读取数据。',
  credential: '凭据',
  followDefault: (p: { name: string }) => `默认凭据（${p.name}）`,
  followDefaultNone: '默认凭据（无）',
  defaultBadge: '默认',
  expiredSuffix: '已过期',
  expired: '此凭据已过期。请重新授权以保证流水线运行。',
  invalid: '数据源拒绝了此凭据。请编辑或替换它。',
  reauthorize: '重新授权',
  missing: '此节点使用的凭据已被删除。请选择其他凭据或新建连接。',
  unknownProvider: (p: { id: string }) =>
    `此节点读取的“${p.id}”已不可用。请删除该节点，或联系管理员恢复该数据源。`,
  deleteNode: '删除节点',
  loadError: '无法加载连接状态。',
  manage: '凭据',
  openSettings: '在设置中打开',
};
