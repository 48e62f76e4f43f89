import type { OAuthMessages } from '../en/oauth';

/** OAuth 流程：状态对话框、OAuth 客户端设置和授权完成页。 */
export const oauth: OAuthMessages = {
  popupLoading: (p: { provider: string }) => `正在打开 ${p.provider}…`,
  connectedToast: (p: { provider: string; account: string | null }) =>
    p.account ? `已连接 ${p.provider}（${p.account}）` : `已连接 ${p.provider}`,
  reauthorizedToast: (p: { provider: string; account: string | null }) =>
    p.account ? `已重新授权 ${p.provider}（${p.account}）` : `已重新授权 ${p.provider}`,
  reconnectedToast: (p: { provider: string; account: string | null; name: string | null }) =>
    `此前已连接过 ${p.provider}${p.account ? `（${p.account}）` : ''}：已重新授权${
      p.name ? `“${p.name}”` : '该连接'
    }，未添加重复的连接`,
  status: {
    tryAgain: '重试',
    dismiss: '暂不',
    done: '完成',
    cancel: '取消',
    nothingSaved: '未保存任何内容。',
    opening: {
      title: (p: { provider: string }) => `正在连接 ${p.provider}`,
      body: (p: { provider: string }) => `正在打开 ${p.provider} 登录窗口…`,
    },
    waiting: {
      title: (p: { provider: string }) => `正在连接 ${p.provider}`,
      body: (p: { provider: string }) =>
        `请在 ${p.provider} 窗口中完成操作：查看所需权限，然后点击“允许访问”。`,
      bodyTab: (p: { provider: string }) =>
        `请在 ${p.provider} 标签页中完成操作：查看所需权限，然后点击“允许访问”。此对话框会自动更新。`,
      focus: '切换到该窗口',
      mayHaveClosed: '正在等待服务提供方…（窗口可能已关闭）',
      mayHaveClosedHelp: (p: { provider: string }) =>
        `如果 ${p.provider} 窗口仍然打开，请在其中完成操作，此对话框会自动更新。如果你已关闭该窗口，请取消，或重新打开。`,
      closedCancel: '我已关闭——取消',
      reopen: '重新打开',
    },
    cancelling: {
      body: (p: { provider: string }) => `正在关闭 ${p.provider} 登录请求…`,
    },
    blocked: {
      title: '登录窗口被拦截',
      body: (p: { provider: string }) =>
        `浏览器拦截了 ${p.provider} 登录窗口。请允许此网站弹出窗口后重试，或在新标签页中打开登录页面。`,
      stillBlocked: '窗口再次被拦截。请在地址栏中允许此网站弹出窗口，或改用新标签页。',
      openInTab: '在新标签页中打开',
      preparingLink: '正在准备链接…',
    },
    denied: {
      title: '未授予访问权限',
      body: (p: { provider: string }) =>
        `访问请求被拒绝，${p.provider} 未连接。如需连接，请重试并点击“允许访问”。`,
    },
    failed: {
      title: (p: { provider: string }) => `无法连接 ${p.provider}`,
      clientRequired: (p: { provider: string }) =>
        `${p.provider} 需要先设置 OAuth 客户端才能连接。`,
      setUpClient: 'OAuth 客户端设置',
      unsafeUrl: (p: { provider: string }) =>
        `服务器发来的 ${p.provider} 登录地址不是安全的（https）链接，因此未打开。请联系此服务的管理员检查其 OAuth 设置。`,
      redirectMismatch: (p: { provider: string }) =>
        `${p.provider} 不允许你的 OAuth 应用使用此重定向 URI。请将下方地址原样添加到应用允许的重定向 URI 中，然后重试。`,
    },
    expired: {
      title: '登录请求已过期',
      body: (p: { provider: string }) =>
        `在授予访问权限之前，发往 ${p.provider} 的请求已过期。请重新开始连接。`,
    },
    cancelled: {
      title: '已取消连接',
      body: (p: { provider: string }) => `${p.provider} 未连接。`,
    },
    succeeded: {
      title: (p: { provider: string }) => `已连接 ${p.provider}`,
      body: (p: { account: string | null }) =>
        p.account ? `已连接为 ${p.account}。` : '连接已可使用。',
    },
  },
  client: {
    title: 'OAuth 客户端设置',
    description: (p: { provider: string }) => `选择用于连接 ${p.provider} 的 OAuth 客户端。`,
    descriptionCustomOnly: (p: { provider: string }) =>
      `设置用于连接 ${p.provider} 的 OAuth 客户端。`,
    setupRequired: (p: { provider: string }) => `请设置自定义 OAuth 客户端以连接 ${p.provider}。`,
    customOnly: (p: { provider: string }) =>
      `${p.provider} 需要你自己的 OAuth 应用：请先在 ${p.provider} 注册一个应用，再在此填写其客户端 ID 和客户端密钥。`,
    developerConsole: (p: { provider: string }) => `打开 ${p.provider} 开发者控制台`,
    opensInNewTab: '（在新标签页中打开）',
    modeLabel: 'OAuth 客户端',
    default: '默认',
    defaultHelp: '使用平台的 OAuth 客户端，无需任何设置。',
    custom: '自定义',
    customHelp: '使用你在服务提供方注册的 OAuth 应用。',
    clientId: '客户端 ID',
    clientSecret: '客户端密钥',
    keepSecret: '留空则保留已保存的密钥',
    clientIdRequired: '请输入客户端 ID。',
    clientSecretRequired: '请输入客户端密钥。',
    redirectUri: '重定向 URI',
    redirectUriHelp: '将此地址添加到你的 OAuth 应用允许的重定向 URI 中。',
    // Typed by the catalog's shape (English's): provider, difference, redirectOrigin, pageOrigin.
    redirectOriginMismatch: (p) =>
      `后端会让 ${p.provider} 返回到 ${p.redirectOrigin}，但此页面位于 ${p.pageOrigin}（不同之处：${{ scheme: '协议', host: '主机', port: '端口' }[p.difference] ?? p.difference}）。登录结果无法回到此页面：请在 ${p.redirectOrigin} 打开此页面，或将后端的公开地址设为 ${p.pageOrigin}。`,
    copyRedirectUri: '复制重定向 URI',
    saveAndAuthorize: '保存并授权',
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    remove: '移除',
    removeCustom: '移除自定义客户端',
    removeConfirm: (p: { provider: string }) =>
      `要移除自定义 OAuth 客户端吗？使用它建立的 ${p.provider} 连接在需要刷新令牌时可能会失效。`,
    removeConfirmAction: '移除客户端',
    keep: '保留',
    removed: '已移除自定义 OAuth 客户端',
    saved: 'OAuth 客户端设置已保存',
    loadFailed: '无法加载 OAuth 客户端设置。',
    saveFailed: '设置未保存。',
  },
  completion: {
    title: '正在连接…',
    working: '正在完成连接…',
    succeeded: '已连接——你可以关闭此窗口。',
    succeededClosing: '已连接。此窗口即将关闭。',
    denied: '未授予访问权限。你可以关闭此窗口。',
    expired: '登录请求已过期。请关闭此窗口并重新开始。',
    failed: (p: { message: string }) => `无法连接：${p.message}`,
    invalid: '此页面不是通过登录回调打开的。你可以关闭此窗口。',
  },
};
