// Generates the benchmark's feed: an RSS 2.0 file of N fictional items shaped like a Korean
// press's full-text feed (content:encoded with markup to sanitise, dc:creator, categories, photos).

const CATEGORIES = ['정치', '경제', '사회', '생활/문화', '세계', 'IT/과학', '스포츠', '연예'];
const PLACES = ['푸른시', '별빛구', '은하군', '바람동', '해오름시'];
const TOPICS = ['시내버스 노선', '도서관 운영', '청년 주택', '하천 정비', '전통시장 지원', '초소형 위성', '지역 축제'];

function paragraph(i: number, p: number): string {
  const place = PLACES[(i + p) % PLACES.length];
  const topic = TOPICS[(i * 7 + p) % TOPICS.length];
  return (
    `<p>${place}가 ${topic} 계획을 ${p + 1}단계로 나눠 추진한다고 ${(i % 28) + 1}일 밝혔다. ` +
    `관계자는 <a href="https://press.example/n/${i}" onclick="track()">"주민 의견을 충분히 듣겠다"</a>고 말했다. ` +
    `<span style="color:red">예산은 ${((i * 13) % 900) + 100}억 원 규모다.</span></p>`
  );
}

export function generateFeed(items: number, now = Date.UTC(2024, 9, 1)): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel><title>벤치마크 일보</title><link>https://press.example/</link><description>생성된 피드</description><language>ko</language>',
  ];
  for (let i = 0; i < items; i++) {
    const body =
      [0, 1, 2, 3, 4].map((p) => paragraph(i, p)).join('') +
      '<script>alert("x")</script><iframe src="https://ads.example"></iframe>';
    out.push(
      `<item><title>${PLACES[i % PLACES.length]} ${TOPICS[i % TOPICS.length]} 기사 ${i}</title>` +
        `<link>https://press.example/n/${i}</link><guid isPermaLink="false">bench-${i}</guid>` +
        `<description>${PLACES[i % PLACES.length]} 소식 요약 ${i}</description>` +
        `<content:encoded><![CDATA[${body}]]></content:encoded>` +
        `<dc:creator>기자${i % 50}</dc:creator><category>${CATEGORIES[i % CATEGORIES.length]}</category>` +
        `<pubDate>${new Date(now - i * 60_000).toUTCString()}</pubDate>` +
        `<media:content url="https://img.press.example/${i}.jpg" medium="image"><media:description>사진 ${i}</media:description><media:credit>벤치마크 일보</media:credit></media:content>` +
        '</item>',
    );
  }
  out.push('</channel></rss>');
  return out.join('\n');
}
