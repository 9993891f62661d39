import type { Messages } from '../en';

export const model: Messages['model'] = {
  computeBackend: '计算后端',
  backend: {
    webgpu: 'WebGPU',
    wasm: 'WASM',
    cpu: 'CPU',
  },
  // Option texts cannot hold a lang="en" span, so no Latin words here beyond the allowed terms.
  preference: {
    auto: '自动（最快的可用后端）',
    webgpu: 'WebGPU（显卡）',
    wasm: 'WASM（在处理器上运行）',
    cpu: 'CPU（普通脚本，最慢）',
  },
  stage: {
    backend: '正在启动计算后端',
    download: '正在下载语言模型',
    tokenizer: '正在加载分词器',
    warmup: '正在预热语言模型',
    recommender: '正在下载推荐模型',
    catalog: '正在本设备上编码产品目录',
  },
  progress: {
    downloadLabel: '模型下载',
    filesLoaded: '模型文件已加载',
    stageWithFile: '{{stage}}（<file>{{file}}</file>）',
    bytesOf: '{{loaded}} / {{total}}',
    catalogLabel: '产品目录编码',
    catalogEncoded: '产品目录已编码',
    catalogReused: '已复用本设备上的产品目录编码',
    catalogEncoding: '正在编码产品目录',
    catalogWaiting: '产品目录编码将在模型就绪后开始',
    products_one: '{{encoded}} / {{total}} 个产品',
    products_other: '{{encoded}} / {{total}} 个产品',
  },
  models: {
    encoder: {
      label: '语言模型',
      inUse: '用于搜索和理解您的目标：每个文件的大小和 SHA-256 均与清单一致。',
      unavailable: '不可用，因此搜索和推荐已关闭。',
    },
    recommender: {
      label: '推荐模型',
      inUse: '用于推荐（“为您推荐”）：每个文件的大小和 SHA-256 均与清单一致。',
      unavailable: '不可用，因此推荐已关闭。',
    },
  },
  notLoaded: {
    idle: '尚未加载。',
    loading: '正在加载并校验文件。',
    error: '未加载：请查看页面顶部的消息。',
  },
  timings: {
    total: '总计',
  },
  page: {
    heading: '本地模型',
    intro: '语言模型和推荐模型只需从本网站下载一次，并在您的浏览器中运行。您输入的内容、您的个人资料以及您对产品的操作都不会离开本设备。',
    stateHeading: '状态',
    status: '状态',
    statusText: {
      idle: '尚未开始。',
      loading: '加载中：加载期间页面仍可正常使用。',
      ready: '就绪：搜索和推荐都在本设备上运行。',
      error: '无法加载：请查看页面顶部的消息。',
    },
    partlyReady: '已就绪，但有模型的文件校验失败而未加载：见下方“模型”。不依赖该模型的功能均可正常使用。',
    notChosen: '尚未选定',
    fallbackReason: '为何未使用更快的后端',
    modelFiles: '模型文件',
    modelsHeading: '模型',
    timingsHeading: '各阶段耗时',
    timingsLater: '模型就绪后显示。',
    backendHint: '选择其他后端会在该后端上重新加载模型；您的个人资料和活动记录都会保留。',
  },
};
