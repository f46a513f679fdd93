// A synthetic archive for the search and catalog benchmarks: `count` issues of `items`
// items each, plainly fictional and deterministic (seeded). Unlike gen.mjs's copies of
// one issue, every item has its own text, drawn from a vocabulary of regulatory words in
// Chinese and English with a Zipf-like spread (a few words everywhere, most words rare),
// at the sample's lengths: titles of ~30 and ~90 characters, bodies of ~250 and ~900.
//
//   node bench/archive.mjs DIR [COUNT] [--pages]
// writes DIR/index.json (newsletter-catalog/1), DIR/issue-N.json (N = 0 is the newest)
// and, with --pages, DIR/../html/issue-N.html: one plain page per issue, for Pagefind
// (beside the issues folder, so that Pagefind's own JSON files are not read as issues).
import fs from "node:fs";
import path from "node:path";

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// Words of regulatory news, most common first (the spread below makes the first ones
// frequent and the last ones rare).
const ZH = (
  "数据 安全 个人信息 保护 监管 管理 规定 办法 企业 平台 应用程序 网络 发布 要求 开展 " +
  "进行 相关 标准 征求意见 部门 国家 信息 处理 合规 用户 服务 机构 监督 检查 整改 " +
  "通知 工作 规范 执法 违法 行为 处罚 金融 银行 保险 评估 出境 跨境 传输 关键 基础设施 " +
  "运营者 审查 备案 算法 推荐 消费者 隐私 认证 审计 指南 草案 试行 实施 工业和信息化部 " +
  "网信办 市场监管总局 公安部 人民银行 银保监会 证监会 省 市 地方 委员会 专项 行动 " +
  "治理 风险 事件 报告 责任 义务 权利 同意 收集 使用 存储 删除 共享 委托 第三方 " +
  "未成年人 生物识别 人脸识别 敏感 画像 广告 营销 短信 电话 骚扰 诈骗 账户 支付 " +
  "交易 电子商务 直播 短视频 游戏 教育 医疗 健康 汽车 智能 设备 物联网 云计算 " +
  "人工智能 区块链 开源 软件 漏洞 攻击 勒索 病毒 泄露 通报 约谈 下架 罚款 吊销 " +
  "许可 资质 登记 年度 季度 统计 公告 答记者问 解读 培训 会议 座谈 调研 试点 示范 " +
  "加强 完善 建立 健全 推进 落实 明确 细化 强化 提升 优化 严格 依法 有效 及时"
).split(" ");
const EN = (
  "data security protection personal information regulator rules measures company platform " +
  "apps network issued requirements review standard draft consultation authority national " +
  "processing compliance users services agency supervision inspection rectification notice " +
  "enforcement violation penalty financial bank insurance assessment cross-border transfer " +
  "critical infrastructure operator filing algorithm recommendation consumer privacy " +
  "certification audit guideline trial implementation ministry commission provincial local " +
  "campaign governance risk incident report liability obligation rights consent collection " +
  "use storage deletion sharing third-party minors biometric facial_recognition sensitive " +
  "profiling advertising marketing messages calls fraud account payment transaction " +
  "e-commerce livestreaming video games education medical health vehicles smart devices " +
  "cloud artificial intelligence blockchain open-source software vulnerability attack " +
  "ransomware breach disclosure interview removal fine revocation licence registration " +
  "annual quarterly statistics announcement answers interpretation training meeting " +
  "pilot strengthen improve establish promote clarify refine optimise strict lawful " +
  "effective timely federal state court settlement lawsuit injunction commissioner " +
  "tribunal appeal sanction adequacy decision controller processor retention portability"
)
  .split(" ")
  .map((w) => w.replace("_", " "));
const JURISDICTIONS = ["CN", "CN-ZJ", "CN-GD", "CN-BJ", "CN-SH", "US", "US-CA", "US-NY", "EU", "GB", "SG", "JP"];
const NAMES = {
  CN: ["中国", "China"], "CN-ZJ": ["浙江", "Zhejiang"], "CN-GD": ["广东", "Guangdong"], "CN-BJ": ["北京", "Beijing"],
  "CN-SH": ["上海", "Shanghai"], US: ["美国", "United States"], "US-CA": ["加州", "California"], "US-NY": ["纽约州", "New York"],
  EU: ["欧盟", "European Union"], GB: ["英国", "United Kingdom"], SG: ["新加坡", "Singapore"], JP: ["日本", "Japan"],
};

// The long tail: made-up words (two or three common characters; syllables), so that the
// vocabulary has 5,000 words as real text does. The regulatory words above are spread
// among them, every fourth rank: 数据 and "data" are in nearly every item, 人脸识别 and
// "facial recognition" in a few percent (as in a newsletter on data law), most made-up
// words in a handful.
const COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
const SYLLABLES = "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vo za zo".split(" ");
const VOCABULARY = 5000;

function vocabulary(words, madeUp) {
  const r = rng(7);
  const all = [];
  for (let rank = 0; rank < VOCABULARY; rank++) {
    all.push(rank % 4 === 0 && rank / 4 < words.length ? words[rank / 4] : madeUp(r));
  }
  return all;
}
const ZH_WORDS = vocabulary(ZH, (r) => Array.from({ length: 2 + Math.floor(r() * 2) }, () => COMMON[Math.floor(r() * COMMON.length)]).join(""));
const EN_WORDS = vocabulary(EN, (r) => Array.from({ length: 2 + Math.floor(r() * 2) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(""));

/** A word of `words`, the i-th about 1/(i+1) as often as the first. */
function zipf(r, words) {
  // Inverse of the harmonic spread, approximately: exp(u * ln(n + 1)) - 1.
  const at = Math.floor(Math.exp(r() * Math.log(words.length + 1)) - 1);
  return words[Math.min(at, words.length - 1)];
}

function zh(r, chars) {
  let s = "";
  let clause = 0;
  while ([...s].length < chars) {
    const w = zipf(r, ZH_WORDS);
    s += w;
    clause += w.length;
    if (clause > 18 + r() * 10) {
      s += "，";
      clause = 0;
    }
  }
  return s.replace(/，$/, "") + "。";
}

function en(r, chars) {
  const words = [];
  let len = 0;
  while (len < chars) {
    const w = zipf(r, EN_WORDS);
    words.push(w);
    len += w.length + 1;
  }
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(" ") + ".";
}

const dateOf = (i, count) => {
  // Weekly, newest first, ending in the last week of 2030.
  const day = new Date(Date.UTC(2030, 11, 27) - i * 7 * 86400000);
  return day.toISOString().slice(0, 10);
};

export function catalogOf(count) {
  return {
    format: "newsletter-catalog/1",
    title: { zh: "合成数据周报", en: "Synthetic Weekly" },
    issues: Array.from({ length: count }, (_, i) => ({
      id: `issue-${i}`,
      file: `issue-${i}.json`,
      date: dateOf(i, count),
      number: count - i,
      title: { zh: `合成数据周报 第${count - i}期`, en: `Synthetic Weekly No.${count - i}` },
    })),
  };
}

/** Issue `i` (0 is the newest) of an archive of `count`. */
export function issueOf(i, count, items = 20) {
  const r = rng(1000003 * (i + 1));
  const perSection = Math.ceil(items / 2);
  const date = dateOf(i, count);
  return {
    format: "newsletter-issue/1",
    id: `issue-${i}`,
    publisher: { zh: "示例出版方", en: "Example Publisher" },
    publication: { zh: "合成数据周报", en: "Synthetic Weekly" },
    number: count - i,
    date,
    jurisdictions: Object.fromEntries(JURISDICTIONS.map((c) => [c, { zh: NAMES[c][0], en: NAMES[c][1] }])),
    sections: [0, 1].map((s) => ({
      id: s === 0 ? "domestic" : "overseas",
      title: s === 0 ? { zh: "国内要闻", en: "Domestic News" } : { zh: "海外动态", en: "Overseas News" },
      items: Array.from({ length: Math.min(perSection, items - s * perSection) }, (_, k) => ({
        id: `item-${i}-${s * perSection + k}`,
        jurisdiction: JURISDICTIONS[(s === 0 ? 0 : 5) + Math.floor(r() * (s === 0 ? 5 : 7))],
        regulator: { zh: zipf(r, ZH.slice(60, 70)), en: zipf(r, EN.slice(60, 70)) },
        title: { zh: zh(r, 28 + r() * 8).slice(0, -1), en: en(r, 80 + r() * 20).slice(0, -1) },
        body: { zh: zh(r, 220 + r() * 60), en: en(r, 820 + r() * 160) },
        source: `https://example.org/notices/${i}/${s * perSection + k}`,
      })),
    })),
    disclaimer: { zh: "本刊内容纯属虚构，仅供基准测试。", en: "Everything in this bulletin is fictional, for benchmarks only." },
  };
}

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The issue as one plain HTML page (for Pagefind, which indexes pages). */
export function pageOf(issue) {
  const items = issue.sections.flatMap((s) => s.items);
  const body = items
    .map(
      (it) => `<article><h2><span lang="zh">${escape(it.title.zh)}</span> <span lang="en">${escape(it.title.en)}</span></h2>` +
        `<p lang="zh">${escape(it.body.zh)}</p><p lang="en">${escape(it.body.en)}</p></article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${issue.id}</title></head>` +
    `<body><main data-pagefind-body><h1>${escape(issue.publication.zh)} ${issue.number}</h1>\n${body}\n</main></body></html>\n`;
}

/** Writes the archive into `dir`. */
export function writeArchive(dir, count, { items = 20, pages = false } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify(catalogOf(count), null, 1));
  const html = path.join(dir, "..", "html");
  if (pages) fs.mkdirSync(html, { recursive: true });
  for (let i = 0; i < count; i++) {
    const issue = issueOf(i, count, items);
    fs.writeFileSync(path.join(dir, `issue-${i}.json`), JSON.stringify(issue));
    if (pages) fs.writeFileSync(path.join(html, `issue-${i}.html`), pageOf(issue));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "bench/out/archive", count = "10000"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  writeArchive(dir, Number(count), { pages: process.argv.includes("--pages") });
  console.log(`wrote ${dir}: ${count} issues`);
}
