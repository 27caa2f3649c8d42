// Every string of the web client's own interface, in zh and en. Reply texts come from the server in their locale.

export const STRINGS = {
  app_title: { zh: "健康助手", en: "Health assistant" },
  console_title: { zh: "医生工作台", en: "Clinician console" },
  language: { zh: "语言", en: "Language" },
  sign_in: { zh: "登录", en: "Sign in" },
  sign_out: { zh: "退出", en: "Sign out" },
  token_label: { zh: "访问令牌", en: "Access token" },
  token_help: {
    zh: "请输入管理员发给您的访问令牌。令牌只保存在本浏览器标签页中。",
    en: "Enter the access token you were given. It is kept only in this browser tab.",
  },
  signed_in_as: { zh: "已登录：{name}", en: "Signed in as {name}" },
  token_rejected: { zh: "令牌无效或已被撤销。", en: "This token is invalid or has been revoked." },
  token_empty: { zh: "请先输入令牌。", en: "Please enter a token first." },
  wrong_role: {
    zh: "此页面需要医生账号。患者请使用聊天页面。",
    en: "This page needs a clinician account. Patients, please use the chat page.",
  },
  open_console: { zh: "打开医生工作台", en: "Open the clinician console" },
  open_chat: { zh: "打开患者聊天", en: "Open the patient chat" },
  network_error: { zh: "无法连接服务器，请稍后再试。", en: "Cannot reach the server; please try again." },
  error_prefix: { zh: "出错了：", en: "Something went wrong: " },
  disclaimer: {
    zh: "本助手提供健康信息，不能代替医生诊断。如有紧急情况请立即拨打 120。",
    en: "This assistant gives health information, not a diagnosis. In an emergency call your local emergency number now.",
  },

  // patient chat
  sessions: { zh: "历史会话", en: "Past conversations" },
  new_session: { zh: "新建会话", en: "New conversation" },
  no_sessions: { zh: "还没有会话。", en: "No conversations yet." },
  untitled_session: { zh: "会话", en: "Conversation" },
  conversation: { zh: "对话", en: "Conversation" },
  empty_conversation: {
    zh: "您好！可以描述您的症状、上传化验单、做中医体质测评，或咨询医保问题。",
    en: "Hello! Describe your symptoms, upload a lab report, take the TCM constitution questionnaire, or ask about insurance.",
  },
  message_label: { zh: "输入消息", en: "Your message" },
  message_placeholder: { zh: "请描述您的情况…", en: "Describe how you feel…" },
  send: { zh: "发送", en: "Send" },
  sending: { zh: "发送中…", en: "Sending…" },
  attach: { zh: "上传化验单", en: "Attach a lab report" },
  remove_attachment: { zh: "移除附件", en: "Remove attachment" },
  attachment_too_large: { zh: "文件过大（上限 {mb} MB）。", en: "The file is too large (limit {mb} MB)." },
  too_many_attachments: { zh: "最多附加 {n} 个文件。", en: "At most {n} files per message." },
  refresh: { zh: "刷新", en: "Refresh" },
  you: { zh: "我", en: "You" },
  assistant: { zh: "助手", en: "Assistant" },
  clinician: { zh: "医生", en: "Clinician" },
  attachment: { zh: "附件", en: "Attachment" },
  chose: { zh: "选择了：{label}", en: "Chose: {label}" },

  // reply parts
  emergency_title: { zh: "紧急情况", en: "Emergency" },
  emergency_call: { zh: "请立即拨打急救电话", en: "Call emergency services now" },
  question: { zh: "问题", en: "Question" },
  choose_hint: { zh: "点击选项回答，或直接输入。", en: "Tap an answer, or type it." },
  choose_many_hint: { zh: "可多选，选好后点“发送所选”。", en: "Pick all that apply, then send them." },
  send_selected: { zh: "发送所选", en: "Send selected" },
  triage: { zh: "分诊结果", en: "Triage result" },
  triage_provisional: { zh: "初步分诊（问诊进行中）", en: "Provisional triage (interview in progress)" },
  level: { zh: "级别", en: "Level" },
  reasons: { zh: "依据", en: "Why" },
  red_flags: { zh: "危险信号", en: "Warning signs" },
  advice: { zh: "建议", en: "What to do" },
  complaint: { zh: "主诉", en: "Main complaint" },
  level_emergency_ambulance: { zh: "立即叫救护车", en: "Call an ambulance now" },
  level_emergency: { zh: "立即去急诊", en: "Go to the emergency department now" },
  level_consultation_24: { zh: "24 小时内就医", en: "See a doctor within 24 hours" },
  level_consultation: { zh: "预约门诊", en: "Book a doctor's appointment" },
  level_self_care: { zh: "可居家自我护理", en: "Self-care at home" },
  report: { zh: "化验结果", en: "Lab results" },
  report_critical: {
    zh: "有危急值！请立即联系医生或前往急诊。",
    en: "Critical value! Contact a doctor or go to the emergency department now.",
  },
  analyte: { zh: "项目", en: "Test" },
  value: { zh: "结果", en: "Result" },
  unit: { zh: "单位", en: "Unit" },
  reference: { zh: "参考范围", en: "Reference range" },
  flag: { zh: "提示", en: "Flag" },
  previous: { zh: "上次", en: "Previous" },
  explanation: { zh: "说明", en: "Meaning" },
  flag_N: { zh: "正常", en: "Normal" },
  flag_L: { zh: "偏低", en: "Low" },
  flag_H: { zh: "偏高", en: "High" },
  flag_LL: { zh: "危急低值", en: "Critically low" },
  flag_HH: { zh: "危急高值", en: "Critically high" },
  flag_indeterminate: { zh: "无法判断", en: "Cannot tell" },
  tcm: { zh: "中医体质", en: "TCM constitution" },
  tcm_scores: { zh: "体质得分", en: "Constitution scores" },
  tcm_in_progress: { zh: "测评进行中", en: "Questionnaire in progress" },
  tcm_primary: { zh: "主要体质", en: "Main constitution" },
  tcm_mixed: { zh: "兼夹体质", en: "Also present" },
  tcm_tendencies: { zh: "倾向体质", en: "Tendencies" },
  tcm_warnings: { zh: "注意", en: "Please note" },
  tcm_guidance: { zh: "调养建议", en: "Everyday guidance" },
  judgment_yes: { zh: "是", en: "yes" },
  judgment_basically_yes: { zh: "基本是", en: "basically yes" },
  judgment_tendency: { zh: "倾向是", en: "tendency" },
  judgment_no: { zh: "否", en: "no" },
  area_diet: { zh: "饮食", en: "Diet" },
  area_sleep: { zh: "起居", en: "Sleep and routine" },
  area_exercise: { zh: "运动", en: "Exercise" },
  area_emotions: { zh: "情志", en: "Emotions" },
  citations: { zh: "依据条款", en: "Sources" },
  referral: { zh: "就医建议", en: "Referral" },
  referral_emergency: { zh: "急诊", en: "Emergency care" },
  referral_doctor: { zh: "医生", en: "A doctor" },
  referral_specialist: { zh: "专科医生", en: "A specialist" },
  referral_tcm_practitioner: { zh: "中医师", en: "A TCM practitioner" },
  referral_insurer: { zh: "医保经办机构/保险公司", en: "Your insurer" },
  urgency: { zh: "紧急程度", en: "Urgency" },
  urgency_now: { zh: "立即", en: "now" },
  urgency_within_24h: { zh: "24 小时内", en: "within 24 hours" },
  urgency_soon: { zh: "尽快", en: "soon" },
  urgency_routine: { zh: "常规", en: "routine" },
  escalated: {
    zh: "已通知医生（优先级：{priority}）。医生的回复会显示在这里。",
    en: "A clinician has been notified (priority: {priority}). Their reply will appear here.",
  },
  reviewed: { zh: "已经医生审核", en: "Reviewed by a clinician" },

  // clinician console
  queue: { zh: "待处理队列", en: "Review queue" },
  status: { zh: "状态", en: "Status" },
  priority: { zh: "优先级", en: "Priority" },
  reason: { zh: "原因", en: "Reason" },
  any: { zh: "全部", en: "Any" },
  mine_only: { zh: "只看我认领的", en: "Only mine" },
  status_active: { zh: "进行中", en: "Active" },
  status_open: { zh: "待认领", en: "Open" },
  status_claimed: { zh: "已认领", en: "Claimed" },
  status_resolved: { zh: "已解决", en: "Resolved" },
  priority_high: { zh: "高", en: "High" },
  priority_normal: { zh: "中", en: "Normal" },
  priority_low: { zh: "低", en: "Low" },
  reason_red_flag: { zh: "危险信号", en: "Red flag" },
  reason_self_harm: { zh: "自伤风险", en: "Self-harm risk" },
  reason_critical_value: { zh: "危急值", en: "Critical value" },
  reason_output_replaced: { zh: "回复被替换", en: "Reply replaced by a check" },
  reason_harm_to_others: { zh: "伤害他人风险", en: "Risk of harm to others" },
  reason_unethical: { zh: "不当请求", en: "Unethical request" },
  reason_injection_repeated: { zh: "多次提示注入", en: "Repeated prompt injection" },
  reason_diagnosis_demand: { zh: "要求确诊", en: "Demand for a diagnosis" },
  reason_dose_request: { zh: "询问用药剂量", en: "Dose request" },
  patient: { zh: "患者", en: "Patient" },
  empty_queue: { zh: "队列为空。", en: "The queue is empty." },
  select_escalation: { zh: "请从左侧选择一条记录。", en: "Select an escalation from the queue." },
  created: { zh: "创建时间", en: "Created" },
  assignee: { zh: "处理人", en: "Assignee" },
  unassigned: { zh: "未认领", en: "Unassigned" },
  you_assignee: { zh: "我", en: "You" },
  held_badge: { zh: "待审核草稿", en: "Draft held" },
  ack_needed: { zh: "需确认危急值", en: "Critical value to acknowledge" },
  acknowledged: { zh: "已确认危急值", en: "Critical value acknowledged" },
  summary: { zh: "病情摘要", en: "Summary" },
  abnormal_results: { zh: "异常结果", en: "Abnormal results" },
  rules_fired: { zh: "触发的规则", en: "Rules fired" },
  none: { zh: "无", en: "None" },
  transcript: { zh: "对话记录", en: "Transcript" },
  claim: { zh: "认领", en: "Claim" },
  acknowledge: { zh: "确认危急值", en: "Acknowledge critical value" },
  held_draft: { zh: "待审核的回复草稿", en: "Reply held for review" },
  held_help: {
    zh: "患者尚未看到此草稿。可直接批准，或修改后发送。",
    en: "The patient has not seen this draft. Approve it as it is, or edit it and send.",
  },
  approve: { zh: "批准并发送", en: "Approve and send" },
  send_edited: { zh: "发送修改后的回复", en: "Send edited reply" },
  reply_to_patient: { zh: "回复患者", en: "Reply to the patient" },
  reply_placeholder: { zh: "写给患者的回复…", en: "Your reply to the patient…" },
  send_reply: { zh: "发送回复", en: "Send reply" },
  resolve: { zh: "结案", en: "Resolve" },
  outcome: { zh: "结果", en: "Outcome" },
  notes: { zh: "备注", en: "Notes" },
  outcome_resolved: { zh: "已处理", en: "Handled" },
  outcome_referred: { zh: "已转诊", en: "Referred" },
  outcome_emergency_confirmed: { zh: "确认为急症", en: "Emergency confirmed" },
  outcome_no_action: { zh: "无需处理", en: "No action needed" },
  done_claimed: { zh: "已认领。", en: "Claimed." },
  done_replied: { zh: "回复已发送给患者。", en: "Your reply was sent to the patient." },
  done_reviewed: { zh: "回复已发送给患者。", en: "The reply was sent to the patient." },
  done_acknowledged: { zh: "已确认危急值。", en: "Critical value acknowledged." },
  done_resolved: { zh: "已结案。", en: "Resolved." },
  reply_empty: { zh: "回复内容不能为空。", en: "The reply is empty." },
};

export const LOCALES = ["zh", "en"];
const LOCALE_KEY = "assistant.locale";

/** The interface language: the one chosen before, else the browser's, else Chinese. */
export function currentLocale() {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (LOCALES.includes(saved)) return saved;
  return (navigator.language || "").toLowerCase().startsWith("en") ? "en" : "zh";
}

export function setLocale(locale) {
  if (LOCALES.includes(locale)) localStorage.setItem(LOCALE_KEY, locale);
}

/** The string `key` in `locale`, with {name} placeholders filled; the key itself when it is unknown. */
export function t(key, params = {}, locale = currentLocale()) {
  const entry = STRINGS[key];
  let text = entry ? entry[locale] || entry.zh : key;
  for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A label for a code from the server (a level, flag, reason, ...): the known translation or the code itself. */
export function label(prefix, code, locale = currentLocale()) {
  const key = `${prefix}_${code}`;
  return STRINGS[key] ? t(key, {}, locale) : String(code).replaceAll("_", " ");
}

/** Fills every element carrying data-i18n (text), data-i18n-placeholder or data-i18n-label (aria-label). */
export function translatePage(root = document) {
  const locale = currentLocale();
  document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n, {}, locale);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder, {}, locale);
  }
  for (const el of root.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nLabel, {}, locale));
  }
}
