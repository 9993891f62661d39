import type { Messages } from '../en';

export const advisor: Messages['advisor'] = {
  page: {
    title: '顾问模式',
    intro: '用下面这些虚构的人物向客户演示推荐的工作方式。每个人物都有自己的资料以及浏览、收藏和申请记录。点击一下，所有页面就会显示这个人物。',
    apart: '人物的数据保存在此标签页的内存中，与您自己的数据分开：以人物身份进行的任何操作都不会写入您保存的数据；重新加载页面后，所有人物恢复到初始数据，您也会回到自己的数据。',
  },
  owner: {
    name: '我自己的数据',
    summary: '您的资料和记录，加密保存在本设备上。',
  },
  card: {
    age: '{{age}} 岁',
    risk: '风险等级 R{{level}}：{{name}}',
    horizonNow: '一年内需要用钱',
    horizon_one: '{{count}} 年后需要用钱',
    horizon_other: '{{count}} 年后需要用钱',
    events_one: '{{count}} 条记录',
    events_other: '{{count}} 条记录',
    favourites_one: '{{count}} 个收藏',
    favourites_other: '{{count}} 个收藏',
    goals: '用自己的话说的目标',
    active: '当前使用中',
    switchTo: '切换到{{name}}',
    switchToOwner: '回到我自己的数据',
    switching: '正在切换…',
    reset: '重置',
    resetting: '正在重置…',
    resetLabel: '重置{{name}}',
    resetHint: '重置会把此人物恢复为初始资料和记录。',
  },
  banner: {
    persona: '顾问模式：您正在查看演示人物{{name}}。现在的操作不会影响您自己的数据。',
    back: '回到我自己的数据',
  },
  compare: {
    title: '比较两个人物',
    intro: '并排显示他们的“为您推荐”列表及每个产品的推荐理由。比较不会改变任何人物。',
    left: '第一个人物',
    right: '第二个人物',
    submit: '比较',
    working: '正在计算两个列表…',
    needsModel: '比较需要模型：请等待模型加载完成。',
    failed: '无法进行比较',
    listLabel: '{{name}}的推荐',
    riskLine: '只显示不高于 R{{level}} 的产品',
    empty: '没有适合此人物的产品。',
  },
  privacyNotice: {
    title: '演示人物正在使用中',
    text: '隐私中心显示和管理的是您自己保存的数据。在您查看{{name}}期间，这里不显示这些数据；人物的数据从不保存。',
  },
  errors: {
    list: '无法读取演示人物',
    switch: '无法切换',
    reset: '无法重置此人物',
  },
  personas: {
    'young-saver': {
      name: '米娅（年轻储蓄者）',
      summary: '刚参加工作：建立应急资金、为旅行储蓄，并开始小额投资。',
    },
    'young-family': {
      name: '陈家（有孩子的家庭）',
      summary: '两个孩子：为他们的教育储蓄，保障家庭，并留出备用金。',
    },
    'first-home-buyer': {
      name: '山姆（首次购房者）',
      summary: '三年内攒够第一套住房的首付，然后申请房贷。',
    },
    'high-income-investor': {
      name: '普丽娅（高收入投资者）',
      summary: '通过全球股票和养老金缴费追求长期增值。',
    },
    'pre-retiree': {
      name: '汉斯（临近退休）',
      summary: '大约七年后退休：整合养老金并规划退休收入。',
    },
    'cautious-retiree': {
      name: '罗莎（保守型退休人士）',
      summary: '保证储蓄安全，用少量利息补充养老金。',
    },
  },
};
