/* Test support: given names, surnames and titles in every script a California library's patrons write. */
export const SCRIPT_SAMPLES: Record<string, readonly string[]> = {
  Latin: ['Zoë', 'Núñez', 'Łukasz', 'Ştefan', 'Đặng Thị Hương', 'Øyvind', 'Ňoël', 'Žofie', 'Ólafsdóttir', 'Nguyễn', 'Ğülşen', 'Maël'],
  Greek: ['Ἀθηνᾶ', 'Ελένη', 'Παπαδόπουλος', 'Ὀδυσσεύς', 'Χριστίνα'],
  Cyrillic: ['Жуковський', 'Дмитрий', 'Ґабріела', 'Ђорђе', 'Өлзий'],
  Armenian: ['Արամ', 'Խաչատրյան', 'Անահիտ', 'Սարգսյան'],
  Hebrew: ['שרה', 'כהן', 'יצחק', 'לוי', 'מרים'],
  Arabic: ['محمد', 'رضا', 'شجریان', 'فاطمه', 'یزدانی', 'عبدالله', 'کوچک'],
  Devanagari: ['प्रिया', 'शर्मा', 'अर्जुन', 'कृष्णा', 'विजय'],
  Gurmukhi: ['ਗੁਰਪ੍ਰੀਤ', 'ਸਿੰਘ', 'ਹਰਪ੍ਰੀਤ', 'ਕੌਰ'],
  Bengali: ['রবীন্দ্রনাথ', 'ঠাকুর', 'সুমিতা', 'চৌধুরী'],
  Tamil: ['கிருஷ்ணன்', 'லக்ஷ்மி', 'முருகன்', 'செல்வி'],
  Thai: ['สมชาย', 'ใจดี', 'วิไลวรรณ', 'ศรีสุข'],
  Lao: ['ສົມພອນ', 'ແກ້ວມະນີ', 'ບຸນມີ'],
  Khmer: ['សុខ', 'ចិន្តា', 'សុវណ្ណ', 'ហេង'],
  Myanmar: ['အောင်ဆန်း', 'ခင်မောင်', 'သန်းထွန်း'],
  Ethiopic: ['አበበ', 'በቀለ', 'ትዕግስት', 'ገብረመድኅን'],
  Hangul: ['김민준', '이서연', '박지훈', '최수아'],
  Kana: ['さくら', 'タナカ', 'ゆうき', 'ヤマモト'],
  HanSimplified: ['王小明', '李娜', '张伟', '刘洋'],
  HanTraditional: ['陳美玲', '黃國華', '林志豪', '蘇麗娟'],
  Tagalog: ['ᜋᜇᜒᜌ', 'ᜑᜓᜐᜒ', 'ᜊᜌᜈ᜔'],
};

export const SCRIPTS = Object.keys(SCRIPT_SAMPLES);
