import type { MessageOverrides } from '../messages';

/** 数据源节点的侧边面板。 */
export const panel: MessageOverrides['panel'] = {
  // 中文名称与中文之间不加空格，拉丁字母与中文之间加一个空格。
  label: (p: { name: string }) => `${p.name}${/\p{Script=Han}$/u.test(p.name) ? '' : ' '}连接`,
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
  followDefault: (p: { name: string }) => `使用默认凭据（${p.name}）`,
  followDefaultNone: '使用默认凭据（未设置）',
  defaultDescription: '默认',
  expired: '此凭据已过期。请重新授权以保证流水线运行。',
  invalidOAuth: '数据源拒绝了此凭据。请重新授权，或连接其他凭据。',
  invalidApiKey: '数据源拒绝了此 API 密钥。请编辑它，或连接其他凭据。',
  expiring: '此授权无法自动续期，到期后将停止工作。请重新授权，并允许其保持连接。',
  reauthorize: '重新授权',
  permissions: {
    title: '权限',
    granted: '已授予',
    notGranted: '未授予',
    reauthorizeToAdd: (p: { purpose: string }) => `重新授权以添加“${p.purpose}”`,
    reauthorizeToAddSeveral: (p: { count: number }) => `重新授权以添加 ${p.count} 项权限`,
  },
  edit: '编辑',
  missing: '此节点使用的凭据已被删除。请选择其他凭据或新建连接。',
  unknownProvider: (p: { id: string }) =>
    `此节点读取的“${p.id}”已不可用。请删除该节点，或联系管理员恢复该数据源。`,
  deleteNode: '删除节点',
  unavailable: '连接服务暂时不可用。',
  loadError: '无法加载连接状态。',
  manage: '凭据',
  openSettings: '在设置中打开',
};
