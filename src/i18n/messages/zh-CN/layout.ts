import type { Messages } from '../en';

export const layout: Messages['layout'] = {
  appName: '隐私理财推荐',
  privacyStatement: '所有计算都在本设备上完成；您输入的任何内容都不会离开本设备。',
  skipLink: '跳到主要内容',
  nav: {
    label: '主导航',
    forYou: '为您推荐',
    browse: '浏览',
    profile: '个人资料',
    model: '模型',
    privacy: '隐私',
    advisor: '顾问',
  },
  engineStatus: {
    label: '本地模型状态',
    model: '模型：<status>{{status}}</status>',
    status: {
      idle: '未开始',
      loading: '加载中',
      ready: '就绪',
      error: '出错',
    },
    runningOn: '运行于 <backend>{{backend}}</backend>',
    offlineReady: '可离线使用',
    details: '状态详情',
    loadFailed: '模型无法加载。',
  },
  update: {
    ready: '应用或其模型的新版本已在本设备上准备就绪。您的个人资料和活动记录都会保留。',
    apply: '立即更新',
    applying: '正在更新…',
    later: '稍后',
  },
  unavailable: {
    encoder: '语言模型不可用，因此搜索和推荐已关闭。您仍可浏览产品，您的操作仍会保存在本设备上。',
    recommender: '推荐模型不可用，因此推荐已关闭。您仍可浏览和搜索产品，您的操作仍会保存在本设备上。',
  },
};
