import type { Lang } from './lang'

/** What the checkout says about proving the contact e-mail with a mailed code. */
export function verificationText(lang: Lang) {
  return lang === 'zh'
    ? {
        send: '发送验证码',
        resend: '重新发送',
        sendingCode: '正在发送…',
        sent: '验证码已发送至 {email}，10 分钟内有效。请查收邮件并填写 6 位验证码。',
        code: '邮箱验证码',
        codeHint: '6 位数字',
        confirm: '验证',
        confirming: '正在验证…',
        verified: '邮箱已验证，订单确认将发送至 {email}。',
        wrongCode: '验证码不正确，还可尝试 {left} 次。',
        noAttemptsLeft: '验证码不正确，尝试次数已用完，请重新发送验证码。',
        expired: '验证码已过期或尝试次数已用完，请重新发送验证码。',
        badCode: '请输入邮件中的 6 位数字',
        verifyFirst: '请先验证邮箱：点击“发送验证码”，再填写邮件中的验证码。',
        consent: '如果我暂未下单，同意楼宇经理就这份报价通过上面填写的联系方式与我联系（可不选）。',
      }
    : {
        send: 'Send code',
        resend: 'Send a new code',
        sendingCode: 'Sending…',
        sent: 'We sent a code to {email}; it is valid for 10 minutes. Enter the 6 digits from the mail.',
        code: 'Verification code',
        codeHint: '6 digits',
        confirm: 'Verify',
        confirming: 'Verifying…',
        verified: 'E-mail verified: the order confirmation goes to {email}.',
        wrongCode: 'That code is not right; {left} more attempts.',
        noAttemptsLeft: 'That code is not right and no attempts are left; please send a new code.',
        expired: 'This code has expired or was tried too often; please send a new code.',
        badCode: 'Enter the 6 digits from the mail',
        verifyFirst: 'Please verify the e-mail first: press “Send code”, then enter the code from the mail.',
        consent: 'If I do not order now, my building manager may contact me about this quote using the details above (optional).',
      }
}

export type VerificationText = ReturnType<typeof verificationText>
