// Why the server could not listen, as one line that names the variable to change,
// instead of Node's unhandled 'error' event and its stack.

const LOCAL_HOSTS = '如 127.0.0.1（只在本机）、0.0.0.0（所有网卡）或 localhost';

export function listenErrorMessage(error: NodeJS.ErrnoException, port: number, host: string): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `端口 ${port} 已被占用（可能已有一个 Wenda 或别的程序在用）：请先停止它，或用环境变量 PORT 换一个端口。`;
    case 'EACCES':
      return `没有权限监听端口 ${port}（1024 以下的端口需要管理员权限）：请用环境变量 PORT 换一个端口，如 4321，再由反向代理转到 80/443。`;
    // Name lookups: ENOTFOUND when the name does not exist, EAI_AGAIN when DNS did not answer.
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到环境变量 HOST 所写的主机 ${host}：请把 HOST 设为这台机器的地址或主机名，${LOCAL_HOSTS}。`;
    case 'EADDRNOTAVAIL':
      return `环境变量 HOST 所写的 ${host} 不是这台机器的地址，无法在上面监听：请把 HOST 设为这台机器的地址，${LOCAL_HOSTS}。`;
    default:
      return `无法在 ${host} 的端口 ${port} 上监听（${error.code ?? error.message}）：请检查环境变量 HOST 和 PORT。`;
  }
}
