// The terms of use and the privacy notice, written for Sosik in plain words, Korean and English.
// The privacy notice lists what the code in this repository actually stores; change both together.
import type { Locale } from '../web/i18n/index.ts';

interface LegalSection {
  heading: string;
  paragraphs: string[];
}

interface LegalText {
  title: string;
  updated: string;
  sections: LegalSection[];
}

const TERMS: Record<Locale, LegalText> = {
  ko: {
    title: '이용약관',
    updated: '2026년 12월 1일 시행',
    sections: [
      {
        heading: '1. 소식은 어떤 서비스인가요',
        paragraphs: [
          '소식은 여러 언론사의 기사를 한곳에서 읽을 수 있게 모아 보여 주는 오픈소스 뉴스 포털입니다. 기사의 내용과 그에 대한 책임, 권리는 기사를 낸 각 언론사에 있습니다.',
          '누구나 회원 가입 없이 기사를 읽을 수 있습니다. 회원이 되면 댓글, 공감, 구독처럼 계정이 필요한 기능을 쓸 수 있습니다.',
        ],
      },
      {
        heading: '2. 계정',
        paragraphs: [
          '가입할 때에는 본인이 쓰는 이메일 주소를 적어 주세요. 이메일 주소를 확인하기 전에는 기사를 읽고 구독할 수 있지만 댓글을 쓰거나 공감을 누를 수는 없습니다.',
          '비밀번호는 본인만 알고 있어야 합니다. 계정이 도용된 것 같으면 곧바로 비밀번호를 바꾸고 "모든 기기에서 로그아웃"을 눌러 주세요.',
          '닉네임은 다른 회원에게 보입니다. 운영자나 언론사로 오해할 수 있는 이름은 쓸 수 없고, 닉네임은 30일에 한 번 바꿀 수 있습니다.',
        ],
      },
      {
        heading: '3. 지켜 주셔야 할 것',
        paragraphs: [
          '다른 사람을 모욕하거나 괴롭히는 글, 거짓 정보를 퍼뜨리는 글, 광고, 남의 개인정보나 저작물을 허락 없이 올리는 글은 쓰지 말아 주세요.',
          '이를 어기면 운영자가 글을 가리거나 계정을 정지할 수 있습니다. 정지된 계정으로도 기사를 읽고, 내 정보를 내려받고, 탈퇴할 수 있습니다.',
        ],
      },
      {
        heading: '4. 탈퇴',
        paragraphs: [
          '언제든지 "내 계정"에서 비밀번호를 확인한 뒤 탈퇴할 수 있습니다. 탈퇴하면 계정과 그에 딸린 정보가 지워집니다. 다른 사람이 답글을 단 댓글은 대화의 흐름을 지키기 위해 이름 없이 "탈퇴한 회원의 댓글입니다"로 남습니다.',
        ],
      },
      {
        heading: '5. 서비스의 변경',
        paragraphs: [
          '소식을 운영하는 곳은 기능을 바꾸거나 멈출 수 있습니다. 이 약관을 바꿀 때에는 시행 7일 전에 사이트에 알립니다.',
        ],
      },
    ],
  },
  en: {
    title: 'Terms of use',
    updated: 'In force from 1 December 2026',
    sections: [
      {
        heading: '1. What Sosik is',
        paragraphs: [
          'Sosik is an open-source news portal that shows articles from many presses in one place. Each article, and the responsibility and rights for it, belong to the press that published it.',
          'Anyone can read without an account. An account lets you use what needs one: comments, reactions and subscriptions.',
        ],
      },
      {
        heading: '2. Your account',
        paragraphs: [
          'Sign up with an e-mail address you use. Until you confirm it you can read and subscribe, but not comment or react.',
          'Keep your password to yourself. If you think someone else used your account, change the password and choose "sign out everywhere".',
          'Other readers see your nickname. Names that could be taken for the site, its staff or a press are not allowed, and a nickname can be changed once every 30 days.',
        ],
      },
      {
        heading: '3. What we ask of you',
        paragraphs: [
          "Do not post insults or harassment, deliberate falsehoods, advertising, or other people's personal data or work without their permission.",
          'If you do, the operators may hide posts or suspend the account. A suspended account can still read, download its data and be deleted.',
        ],
      },
      {
        heading: '4. Leaving',
        paragraphs: [
          'You can delete your account at any time under "My account" after confirming your password. The account and what belongs to it are deleted. A comment others replied to stays, without your name, as "a comment by a member who left", so the conversation still makes sense.',
        ],
      },
      {
        heading: '5. Changes',
        paragraphs: [
          'Whoever runs this Sosik site may change or stop features. Changes to these terms are announced on the site 7 days before they apply.',
        ],
      },
    ],
  },
};

const PRIVACY: Record<Locale, LegalText> = {
  ko: {
    title: '개인정보 처리방침',
    updated: '2026년 12월 1일 시행',
    sections: [
      {
        heading: '1. 모으는 정보',
        paragraphs: [
          '가입할 때: 이메일 주소, 비밀번호(되돌릴 수 없는 scrypt 해시로만 저장), 닉네임, 약관에 동의한 시각, 언어와 시간대 설정.',
          '로그인할 때: 로그인 기록(세션)마다 브라우저가 보낸 User-Agent, 로그인 시각과 마지막 사용 시각. 세션 쿠키 값 자체는 저장하지 않고 그 해시만 저장합니다.',
          '외부 계정(OpenID Connect)으로 로그인하면: 그 서비스가 알려 준 식별자와 이메일 주소.',
          '남용을 막기 위해 IP 주소와 이메일 주소의 해시를 짧은 기간 동안 횟수 세기에만 씁니다.',
        ],
      },
      {
        heading: '2. 쓰는 목적',
        paragraphs: [
          '계정을 만들고 로그인시키는 것, 이메일 주소 확인과 비밀번호 재설정 메일을 보내는 것, 남용을 막는 것에만 씁니다. 광고나 맞춤형 추천에 쓰지 않고, 다른 곳에 팔거나 넘기지 않습니다.',
        ],
      },
      {
        heading: '3. 보관 기간',
        paragraphs: [
          '계정 정보는 탈퇴할 때까지 보관하고, 탈퇴하면 곧바로 지웁니다. 세션은 로그아웃하거나 만료되면 지워집니다. 이메일 링크는 확인용 48시간, 비밀번호 재설정용 30분이 지나면 쓸 수 없습니다.',
        ],
      },
      {
        heading: '4. 회원의 권리',
        paragraphs: [
          '"내 계정"에서 언제든지 내 정보를 보고 고칠 수 있고, "내 정보 내려받기"로 소식이 가진 내 정보 전부를 JSON 파일로 받을 수 있으며, 탈퇴로 삭제를 요청할 수 있습니다(개인정보 보호법 제35조~제37조, GDPR 제15조~제20조).',
        ],
      },
      {
        heading: '5. 메일 발송',
        paragraphs: [
          '확인 메일과 비밀번호 재설정 메일은 이 사이트를 운영하는 곳이 정한 메일 서버로 보냅니다. 메일 서버에 전달된 뒤에는 메일 본문을 데이터베이스에 남기지 않습니다.',
        ],
      },
      {
        heading: '6. 문의',
        paragraphs: ['개인정보에 관한 문의는 이 사이트를 운영하는 곳의 개인정보 보호책임자에게 해 주세요.'],
      },
    ],
  },
  en: {
    title: 'Privacy notice',
    updated: 'In force from 1 December 2026',
    sections: [
      {
        heading: '1. What we collect',
        paragraphs: [
          'When you sign up: your e-mail address, your password (stored only as a one-way scrypt hash), your nickname, when you accepted the terms, and your language and time zone.',
          'When you sign in: for each session, the User-Agent your browser sent, when it started and when it was last used. The session cookie itself is not stored, only its hash.',
          'When you sign in with another account (OpenID Connect): the identifier and e-mail address that service gave us.',
          'To stop abuse, hashes of IP and e-mail addresses are used for counting attempts for a short while.',
        ],
      },
      {
        heading: '2. Why',
        paragraphs: [
          'Only to create your account and sign you in, to send address confirmation and password reset e-mails, and to stop abuse. Not for advertising or profiling; we do not sell or hand it to anyone.',
        ],
      },
      {
        heading: '3. How long',
        paragraphs: [
          'Account data is kept until you delete the account, and is deleted at once when you do. Sessions go when you sign out or they expire. E-mailed links stop working after 48 hours (confirmation) or 30 minutes (password reset).',
        ],
      },
      {
        heading: '4. Your rights',
        paragraphs: [
          'Under "My account" you can see and correct your data at any time, download everything Sosik holds about you as a JSON file, and delete your account (PIPA articles 35–37, GDPR articles 15–20).',
        ],
      },
      {
        heading: '5. E-mail',
        paragraphs: [
          'Confirmation and reset e-mails go out through the mail server the operators of this site chose. Once a message has been handed to it, its text is not kept in the database.',
        ],
      },
      {
        heading: '6. Questions',
        paragraphs: ['Ask the privacy officer of whoever runs this site.'],
      },
    ],
  },
};

export function legalText(which: 'terms' | 'privacy', locale: Locale): LegalText {
  return (which === 'terms' ? TERMS : PRIVACY)[locale];
}

export function LegalView({ text }: { text: LegalText }) {
  return (
    <article class="legal" aria-labelledby="legal-title">
      <h1 id="legal-title">{text.title}</h1>
      <p class="legal__updated">{text.updated}</p>
      {text.sections.map((s) => (
        <section>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
