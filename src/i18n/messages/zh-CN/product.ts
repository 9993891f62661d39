import type { Messages } from '../en';

export const product: Messages['product'] = {
  page: {
    loading: '正在加载产品…',
    notFound: '未找到该产品',
    notFoundText: '产品目录中没有 ID 为“<id>{{id}}</id>”的产品。链接可能有误或已过期：请在完整列表中查找该产品。',
    seeAll: '查看全部产品',
    allProducts: '全部产品',
  },
  facts: {
    rate: {
      interest: '年利率 {{range}}，按合同约定',
      expected_return: '预期年化收益率 {{range}}，不保证',
      borrowing_apr: '年化借款成本 {{range}}，由您支付',
    },
    noRate: '不适用利率',
    untilRetirement: '直至退休',
    noLockup: '无',
    feeAnnualPct: '每年 {{percent}}',
    feeUpfrontPct: '前期费用 {{percent}}',
    feeAnnualFixed: '每年 {{amount}}',
    feeSeparator: '，',
    noFees: '无费用',
    liquidity: {
      high: '高：任何一天都可免费取出资金',
      medium: '中：数日内可取出，或按市场价格卖出',
      low: '低：仅在到期时取出、需支付违约金，或无法取出',
    },
    summary: '{{rate}} · {{term}} · {{minAmount}} 起投',
  },
  attributes: {
    category: '类别',
    rate: '利率/收益率',
    term: '期限',
    lockup: '锁定期',
    minAmount: '起投金额',
    fees: '费用',
    liquidity: '流动性',
    currency: '币种',
    goals: '适合的目标',
    goalSeparator: '、',
  },
  actions: {
    label: '操作',
    compare: '比较',
    notInterested: '不感兴趣',
    dismissed: '您已将此产品标记为不感兴趣；它不会再被推荐给您。',
    notRecorded: '该操作未被记录。',
  },
  apply: {
    apply: '申请',
    simulated: '（模拟）',
    question:
      '这只是模拟：不会向任何人发送 <product>{{name}}</product> 的申请，也不会开立任何账户。申请仅记录在本设备上，用于改进对您的推荐。',
    confirm: '确认模拟申请',
    cancel: '取消',
  },
};
