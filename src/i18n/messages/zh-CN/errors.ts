import type { Messages } from '../en';

export const errors: Messages['errors'] = {
  technicalDetails: '技术详情',
  catalogLoadFailed: '无法加载产品目录。',
  advice: {
    MODEL_LOAD_FAILED:
      '无法从本网站下载文件。请检查网络连接，然后点击“重试”。如果您自行运行本应用，请运行“<cmd>npm run models</cmd>”，然后重新启动。',
    INTEGRITY_FAILED: '下载的模型文件已损坏或已过期。请点击“重试”；如果仍然失败，请在浏览器设置中清除本网站的数据，然后重新加载。',
    BACKEND_UNAVAILABLE: '此浏览器无法运行所选的计算后端。请在“模型”页面的“计算后端”中选择“自动”或“WASM”。',
    WORKER_FAILED: '后台引擎已停止。请重新加载页面；您保存在本设备上的内容都会保留。',
    NOT_READY: '请等待模型加载完成（见页面顶部的状态），然后重试。',
    MODEL_UNAVAILABLE: '不依赖此模型的功能仍可正常使用。要重新加载它，请点击页面顶部模型状态下方的“重试”，或重新加载页面。',
    INVALID_INPUT: '请修改您输入的内容，然后重试。',
    STORAGE_FAILED: '如果问题持续出现：请关闭本应用的其他标签页、退出无痕浏览模式或释放一些磁盘空间，然后重新加载页面。',
    STORAGE_LOCKED: '请重新加载页面并输入您的密码以打开数据。如果忘记了密码，请在该页面清除数据后重新开始。',
    ADVISOR_MODE: '这是演示人物的数据。要导出、导入、清除或保护您的数据，请先切换回您自己的数据（在“顾问”页面或页面顶部的横幅中）。',
    INTERNAL: '发生了意外错误。请重试，或重新加载页面。',
  },
  page: {
    heading: '出错了',
    title: '此页面已停止运行。',
    kept: '您保存在本设备上的内容都会保留。请重新加载页面，或在上方选择其他页面。',
    reload: '重新加载',
  },
  notFound: {
    heading: '页面不存在',
    text: '此地址不对应本应用的任何页面，可能输入有误或已过期。',
    home: '返回首页',
  },
};
