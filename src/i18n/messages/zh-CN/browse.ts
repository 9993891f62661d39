import type { Messages } from '../en';

export const browse: Messages['browse'] = {
  page: {
    heading: '浏览产品',
    loading: '正在加载产品目录…',
    noMatch: '没有符合这些筛选条件的产品。',
    showing_one: '显示 {{shown}} 个产品，共 {{count, number}} 个。',
    showing_other: '显示 {{shown}} 个产品，共 {{count, number}} 个。',
    showAll: '显示全部产品',
  },
  filters: {
    heading: '筛选与排序',
    category: '类别',
    allCategories: '全部类别',
    maxRisk: '最高风险',
    anyRisk: '任意风险',
    upTo: 'R{{level}} 及以下',
    term: '期限',
    maxMinAmount: '起投金额上限',
    maxMinAmountHint: '以欧元计：起投金额不超过此数的产品。留空：不限。',
    minReturn: '最低收益率（%）',
    minReturnHint: '年化，按产品收益区间的上限计算。不包括贷款、信用卡和没有收益的保障类产品。',
    sort: '排序方式',
    reset: '重置筛选',
  },
  list: {
    size: '（{{size}}）',
  },
  search: {
    heading: '用您自己的话搜索',
    label: '搜索产品',
    submit: '搜索',
    hint: '请用英文描述您的需求，例如“<example>somewhere safe for my emergency savings</example>”（为应急储蓄找个稳妥的地方）。搜索在本设备上进行：您输入的内容不会离开本设备。',
    searching: '正在本设备上搜索…',
    noResults: '未找到产品。请换个说法试试。',
    weak: '没有非常匹配的产品；最接近的产品如下：',
    matches_one: '{{count, number}} 个产品与“<query>{{query}}</query>”相符，最接近的在前：',
    matches_other: '{{count, number}} 个产品与“<query>{{query}}</query>”相符，最接近的在前：',
    notRun: '搜索未能执行。',
    resultsLabel: '搜索结果',
    closeness: '相似度 {{value}}',
    refusal: {
      emptyQuery:
        '请先用英文输入您要找的内容，例如“<example>save for a home deposit</example>”（为购房首付储蓄）或“<example>a card for travelling</example>”（适合旅行的信用卡）。',
      tooLong: '请将搜索内容缩短到 {{max, number}} 个字符以内。',
      modelLoading: '搜索由本设备上的模型完成，而模型仍在加载。请在页面顶部的模型状态显示为就绪后再试。',
    },
  },
};
