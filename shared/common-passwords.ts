// Passwords attackers try first, shipped with the product so the check works offline (政务内网).
// Sources: the public top lists of leaked Chinese sites (CSDN, 天涯, 12306) and English lists,
// kept to entries long enough to pass the length rule, since shorter ones fail it anyway.
// Compared lower-case; `commonPasswordWords` also catches a common word among digits and
// symbols (its letters alone are compared), such as Password@2026, P@ssw0rd1 or Admin#123456.
export const commonPasswords: readonly string[] = [
  'a1234567890', 'a123456789012', 'aa1234567890', 'abc1234567890', 'abcd12345678', 'abcd1234567890',
  'abc123abc123', 'a12345678910', 'qwertyuiop123', 'qwertyuiop12', 'qwerty123456', 'qwertyuiop1!',
  'qwer1234qwer', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', 'zxcvbnm12345',
  'zxcvbnm123456', 'asdfghjkl123', 'asdfghjkl1234', '1234qwerasdf', 'qazwsxedc123', 'qazwsxedcrfv',
  'password1234', 'password12345', 'password123456', 'password@123', 'password@1234', 'p@ssw0rd1234',
  'p@ssword1234', 'passw0rd1234', 'iloveyou1234', 'iloveyou1314', 'iloveyou520', 'woaini1314',
  'woaini1314520', 'woaini5201314', 'woaini520520', '5201314woaini', 'woaini123456', 'woaini12345',
  'woaini1314!', 'wo5201314ai', '1314520woaini', 'aini1314520', 'aini5201314', 'admin1234567',
  'admin123456!', 'admin@123456', 'admin@12345', 'administrator', 'administrator1', 'root12345678',
  'root@1234567', 'test12345678', 'test@1234567', 'welcome12345', 'welcome@1234', 'changeme1234',
  'letmein12345', 'sunshine1234', 'football1234', 'baseball1234', 'princess1234', 'dragon123456',
  'monkey123456', 'master123456', 'shadow123456', 'superman1234', 'trustno11234', 'zaq12wsxcde3',
  'zaq1xsw2cde3', 'zhang123456', 'zhangwei123456', 'wangwei123456', 'liu123456789', 'li1234567890',
  'chen123456789', 'huawei123456', 'huawei@12345', 'xiaomi123456', 'tencent12345', 'baidu1234567',
  'taobao123456', 'alibaba12345', 'qq1234567890', 'qq123456789!', 'wang1234567890', 'nihao123456',
  'nihao1234567', 'zhongguo1234', 'zhongguo123456', 'china1234567', 'china@123456', 'beijing12345',
  'shanghai1234', 'dangjian1234', 'zuzhibu12345', 'fivestar1234', 'fivestar2026', 'wuxing123456',
  'aaaaaaaaaaaa', 'aaaaaa111111', 'abcabcabcabc', 'asdasdasdasd', 'qweqweqweqwe', 'qweasdzxc123',
  'qweasdzxc1234', 'q1w2e3r4t5y6', 'a1b2c3d4e5f6', 'a1s2d3f4g5h6', '1a2b3c4d5e6f', 'abc123456789',
  'abcdefg12345', 'abcdefgh1234', 'abcdef123456', 'abcde1234567', 'aa123456aa123456', 'Aa1234567890',
  'Aa123456789!', 'Aa12345678!@', 'Qq1234567890', 'Abc@12345678', 'Abcd@1234567', 'Abc@123456789',
];

/** Words that make a password common whatever digits and symbols are put around them. */
export const commonPasswordWords: readonly string[] = [
  'password', 'passwrd', 'psswrd', 'pssword', 'admin', 'administrator', 'root', 'test', 'qwerty',
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'iloveyou', 'woaini', 'welcome', 'letmein', 'changeme', 'abc',
  'abcd', 'abcdef', 'qwer', 'asdf', 'qaz', 'qazwsx', 'zaq', 'qweasd', 'qweasdzxc', 'aini', 'nihao',
  'zhongguo', 'china', 'huawei', 'xiaomi', 'taobao', 'baidu', 'tencent', 'dangjian',
  'zuzhibu', 'aa', 'a', 'q', 'qq', 'aaa', 'aaaa', 'aaaaaa', 'abcabc', 'qweqwe', 'asdasd', 'qwerqwer', 'zxc', 'qwe', 'asd',
];
