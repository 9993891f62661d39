import type { Messages } from '../en';

export const forYou: Messages['forYou'] = {
  page: {
    heading: '为您推荐',
    changeAnswers: '修改您的回答',
  },
  status: {
    lookingForAnswers: '正在查找您之前保存在本设备上的回答。如果这是您第一次访问，请<start>回答六个问题</start>。',
    needsProfile: '推荐需要先对您有所了解。<start>回答六个问题</start>（只需一分钟）；您的回答只保存在本设备上。',
    modelFailed: '推荐由本设备上的模型计算，但模型未能加载：请查看页面顶部的提示。',
    workingOut: '正在为您计算推荐…',
    waitingForModel: '本设备上的模型加载完成后，推荐会立即显示在这里。在此期间，您可以先浏览产品。',
    nothingLeft:
      '在您的风险等级范围内已没有可推荐的产品：所有合适的产品都已在您的收藏中、已申请或已标记为不感兴趣。您可以浏览产品目录，或修改您的回答。',
    findingNew: '正在为您查找新的推荐…',
  },
  errors: {
    unavailable: '推荐暂不可用。',
    notUpdated: '您的推荐未能更新；下面显示的是上一次的列表。',
    notWorkedOut: '未能计算出您的推荐。',
    eventNotRecorded: '该操作未被记录。',
  },
  diversity: {
    label: '多样性',
    hint: '0：最匹配的产品，即使彼此相似。越接近 1：产品种类越多样。',
  },
  list: {
    heading: '为您推荐',
    updating: '正在更新…',
  },
  card: {
    reasonsLabel: '推荐 <product>{{name}}</product> 的原因',
    notInterested: '不感兴趣<hidden>：<product>{{name}}</product></hidden>',
  },
  reason: {
    interaction: '与您{{verb}}过的 {{name}} 相似',
    goal: '符合您的目标：{{goal}}',
    profile: '符合您的个人情况',
    riskWithin: 'R{{productRisk}}，在您的 R{{personRisk}} 风险等级以内',
    riskAbove: 'R{{productRisk}}，高于您的 R{{personRisk}} 风险等级',
  },
  aboveRisk: {
    heading: '风险较高的产品',
    show: '显示高于我风险等级的产品',
    hide: '隐藏高于我风险等级的产品',
    finding: '正在查找高于您风险等级的产品…',
    warning:
      '<strong>高于您的风险等级（R{{risk}}）。</strong>根据您的回答，这些产品的风险超出了您能接受的程度。它们是应您的要求显示的，并非推荐：在考虑任何产品之前，请先阅读其风险说明。',
    none: '没有高于您风险等级的产品可显示。',
    listLabel: '高于您风险等级 R{{risk}} 的产品',
  },
  map: {
    heading: '您的推荐在图中的位置',
    hint: '每个点代表一个产品；模型认为相似的产品彼此靠近。实心点是为您推荐的产品，叉号代表您，其位置由您的个人资料和您的操作决定。',
    summary: '{{products}} 个产品的分布图，模型认为相似的产品彼此靠近。',
    suggestions_one: '为您推荐的 {{count}} 个产品已突出显示，叉号代表您。',
    suggestions_other: '为您推荐的 {{count}} 个产品已突出显示，叉号代表您。',
    suggestionsNearest_one: '为您推荐的 {{count}} 个产品已突出显示，叉号代表您；离您最近的推荐是 <product>{{name}}</product>。',
    suggestionsNearest_other: '为您推荐的 {{count}} 个产品已突出显示，叉号代表您；离您最近的推荐是 <product>{{name}}</product>。',
    legendProduct: '产品',
    legendSuggested: '为您推荐',
    legendYou: '您',
    nearestList: '图中为您推荐的产品，离您最近的在前：',
  },
};
