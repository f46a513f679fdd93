// Synthetic benchmark inputs, plainly fictional: one issue of 2,000 items across 10
// sections and 12 jurisdictions with Chinese and English of realistic lengths (like the
// sample's: titles of ~30 and ~90 characters, bodies of ~250 and ~900), and a catalog of
// 1,000 issues. Deterministic (seeded), so every run measures the same input.
import fs from "node:fs";
import path from "node:path";

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
const WORDS = "regulator commission ministry notice measures draft standard data security protection personal information apps platform review compliance enforcement penalty guideline consultation framework cross-border transfer assessment filing operator network critical infrastructure consumer privacy algorithm recommendation audit certification".split(" ");
const JURISDICTIONS = ["CN", "CN-ZJ", "CN-GD", "CN-BJ", "CN-SH", "US", "US-CA", "US-NY", "EU", "GB", "SG", "JP"];
const NAMES = {
  CN: ["中国", "China"], "CN-ZJ": ["浙江", "Zhejiang"], "CN-GD": ["广东", "Guangdong"], "CN-BJ": ["北京", "Beijing"],
  "CN-SH": ["上海", "Shanghai"], US: ["美国", "United States"], "US-CA": ["加州", "California"], "US-NY": ["纽约州", "New York"],
  EU: ["欧盟", "European Union"], GB: ["英国", "United Kingdom"], SG: ["新加坡", "Singapore"], JP: ["日本", "Japan"],
};

function zh(r, n) {
  let s = "";
  for (let i = 0; i < n; i++) {
    s += HAN[Math.floor(r() * HAN.length)];
    if (i % 23 === 22) s += "，";
  }
  return s + "。";
}

function en(r, n) {
  const words = [];
  let len = 0;
  while (len < n) {
    const w = WORDS[Math.floor(r() * WORDS.length)];
    words.push(w);
    len += w.length + 1;
  }
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(" ") + ".";
}

export function bigIssue(items = 2000, sections = 10) {
  const r = rng(41);
  const perSection = items / sections;
  return {
    format: "newsletter-issue/1",
    id: "bench-big",
    publisher: { zh: "示例出版方", en: "Example Publisher" },
    publication: { zh: "基准测试通讯", en: "Benchmark Bulletin" },
    publication_number: 1,
    series: { zh: "合成数据周报", en: "Synthetic Weekly" },
    number: 1,
    date: "2030-01",
    jurisdictions: Object.fromEntries(JURISDICTIONS.map((c) => [c, { zh: NAMES[c][0], en: NAMES[c][1] }])),
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `section-${s}`,
      title: { zh: `栏目${s + 1}`, en: `Section ${s + 1}` },
      items: Array.from({ length: perSection }, (_, i) => {
        const n = s * perSection + i;
        return {
          id: `item-${n}`,
          date: `2030-01-${String(1 + (n % 28)).padStart(2, "0")}`,
          jurisdiction: JURISDICTIONS[Math.floor(r() * JURISDICTIONS.length)],
          regulator: { zh: zh(r, 8).slice(0, -1), en: en(r, 30).slice(0, -1) },
          title: { zh: zh(r, 30).slice(0, -1), en: en(r, 90).slice(0, -1) },
          body: {
            zh: `${zh(r, 130)}《${zh(r, 10).slice(0, -1)}》${zh(r, 110)}`,
            en: `${en(r, 420)} The *${en(r, 40).slice(0, -1)}* ${en(r, 420)}`,
          },
          source: `https://example.org/notices/${n}`,
        };
      }),
    })),
    disclaimer: { zh: zh(r, 80), en: en(r, 300) },
  };
}

export function bigCatalog(count = 1000) {
  return {
    format: "newsletter-catalog/1",
    title: { zh: "基准测试通讯", en: "Benchmark Bulletin" },
    issues: Array.from({ length: count }, (_, i) => ({
      id: `issue-${i}`,
      file: i === 0 ? "bench-big.json" : `issue-${i}.json`,
      date: `${2030 - Math.floor(i / 52)}-${String(12 - Math.floor((i % 52) / 4.34)).padStart(2, "0")}`,
      number: count - i,
      title: { zh: `合成数据周报 第${count - i}期`, en: `Synthetic Weekly No.${count - i}` },
    })),
  };
}

/** An archive of `count` issues of `items` items each, whose catalog agrees with the
 * files (ids, dates, numbers): for timing the `newsletter` command. By file name. */
export function archive(count = 1000, items = 20) {
  const catalog = bigCatalog(count);
  const small = bigIssue(items, 2);
  const files = { "index.json": catalog };
  catalog.issues.forEach((entry, i) => {
    entry.file = `issue-${i}.json`;
    files[entry.file] = {
      ...small,
      id: entry.id,
      number: entry.number,
      date: entry.date,
      sections: small.sections.map((s) => ({ ...s, items: s.items.map((it) => ({ ...it, id: `${it.id}-${i}`, date: undefined })) })),
    };
  });
  return files;
}

// node bench/gen.mjs [DIR]: the 2,000-item issue and the 1,000-issue catalog;
// node bench/gen.mjs DIR --archive N: an archive of N issues of 20 items.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "bench/out/data";
  fs.mkdirSync(dir, { recursive: true });
  const at = process.argv.indexOf("--archive");
  if (at > 0) {
    const files = archive(Number(process.argv[at + 1]) || 1000);
    for (const [name, value] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
    console.log(`wrote ${dir}: ${Object.keys(files).length - 1} issues and their catalog`);
  } else {
    fs.writeFileSync(path.join(dir, "bench-big.json"), JSON.stringify(bigIssue()));
    fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify(bigCatalog()));
    console.log(`wrote ${dir}: ${(fs.statSync(path.join(dir, "bench-big.json")).size / 1e6).toFixed(1)} MB issue`);
  }
}
