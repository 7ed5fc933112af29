/** Categories with the minimum remaining shelf life (days) below which a unit is 临期. */
export const demoCategories = {
  饮料: 30, 乳制品: 3, 零食: 30, 方便食品: 30, 面包糕点: 1, 冷冻食品: 30, 调味品: 60, 日用品: 0, 个人护理: 0, 酒水: 0,
} as const;
export type DemoCategory = keyof typeof demoCategories;

interface Family {
  readonly category: DemoCategory;
  readonly brands: readonly string[];
  readonly items: readonly string[];
  readonly sizes: readonly string[];
  /** Price in fen for the first size; later sizes cost more. */
  readonly basePriceFen: number;
  /** Units in a case (ITF-14 case code) where the chain receives this family by the case. */
  readonly caseUnits?: number;
}

export const demoFamilies: readonly Family[] = [
  { category: '饮料', brands: ['农夫山泉', '康师傅', '统一', '娃哈哈', '元气森林', '怡宝'], items: ['饮用天然水', '冰红茶', '绿茶', '气泡水', '苏打水'], sizes: ['550ml', '1.5L'], basePriceFen: 200, caseUnits: 24 },
  { category: '饮料', brands: ['可口可乐', '百事', '王老吉', '东鹏'], items: ['碳酸饮料', '凉茶', '能量饮料'], sizes: ['330ml', '500ml'], basePriceFen: 350, caseUnits: 24 },
  { category: '乳制品', brands: ['光明', '蒙牛', '伊利', '君乐宝'], items: ['鲜牛奶', '酸奶', '低脂牛奶', '儿童奶'], sizes: ['250ml', '950ml'], basePriceFen: 450 },
  { category: '零食', brands: ['乐事', '旺旺', '良品铺子', '三只松鼠', '奥利奥'], items: ['薯片', '雪饼', '坚果', '饼干', '海苔'], sizes: ['70g', '150g'], basePriceFen: 650 },
  { category: '方便食品', brands: ['康师傅', '统一', '今麦郎', '白象'], items: ['红烧牛肉面', '老坛酸菜面', '香辣牛肉面', '自热米饭'], sizes: ['单包', '五连包'], basePriceFen: 450, caseUnits: 12 },
  { category: '面包糕点', brands: ['桃李', '宾堡', '好利来'], items: ['吐司', '牛角包', '蛋糕卷', '豆沙面包'], sizes: ['200g', '400g'], basePriceFen: 800 },
  { category: '冷冻食品', brands: ['思念', '三全', '湾仔码头'], items: ['猪肉水饺', '汤圆', '馄饨', '葱油饼'], sizes: ['500g', '1kg'], basePriceFen: 1800 },
  { category: '调味品', brands: ['海天', '李锦记', '老干妈', '太太乐'], items: ['生抽', '蚝油', '辣椒酱', '鸡精'], sizes: ['500ml', '1L'], basePriceFen: 1200 },
  { category: '日用品', brands: ['维达', '清风', '心相印', '蓝月亮'], items: ['抽纸', '卷纸', '湿巾', '洗衣液'], sizes: ['3包', '10卷'], basePriceFen: 1500 },
  { category: '个人护理', brands: ['高露洁', '云南白药', '舒肤佳', '海飞丝'], items: ['牙膏', '香皂', '洗发水', '沐浴露'], sizes: ['120g', '400ml'], basePriceFen: 1600 },
  { category: '酒水', brands: ['青岛', '雪花', '百威', '哈尔滨'], items: ['啤酒', '纯生', '冰爽啤酒'], sizes: ['330ml', '500ml'], basePriceFen: 500, caseUnits: 24 },
];
