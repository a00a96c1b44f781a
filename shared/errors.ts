// The one catalogue of error codes: HTTP status at the edge, Chinese text in the client.
// Domain code throws AppError(code); nothing else decides a status or a message.
export const errorCatalog = {
  'validation.failed': { status: 400, message: '提交的数据不符合要求，请检查后重试' },
  'validation.unknown_field': { status: 400, message: '提交了不允许的字段' },
  'http.unsupported_media_type': { status: 415, message: '不支持的请求内容类型' },
  'http.payload_too_large': { status: 413, message: '提交的内容过大' },
  'http.not_found': { status: 404, message: '请求的地址不存在' },
  'http.https_required': { status: 403, message: '请通过 HTTPS 访问本系统' },
  'http.rate_limited': { status: 429, message: '请求过于频繁，请稍后再试' },
  'auth.required': { status: 401, message: '请先登录' },
  'auth.session_expired': { status: 401, message: '登录已超时，请重新登录' },
  'auth.invalid_credentials': { status: 401, message: '用户名或密码错误' },
  'auth.locked': { status: 423, message: '连续登录失败次数过多，账户已锁定 30 分钟' },
  'auth.account_disabled': { status: 401, message: '用户名或密码错误' },
  'auth.csrf': { status: 403, message: '请求校验失败，请刷新页面后重试' },
  'auth.forbidden': { status: 403, message: '没有执行此操作的权限' },
  'auth.wrong_password': { status: 400, message: '当前密码不正确' },
  'password.too_weak': {
    status: 400,
    message: '密码至少 12 位，且包含大写字母、小写字母、数字、符号中的至少三类',
  },
  'org.not_found': { status: 404, message: '组织不存在或不在您的管理范围内' },
  'org.invalid_parent': { status: 400, message: '上级组织层级不正确（如村不能挂在村下）' },
  'org.duplicate_code': { status: 409, message: '组织编码已存在' },
  'org.inactive': { status: 409, message: '该组织已停用' },
  'org.has_active_children': { status: 409, message: '该组织下仍有启用的下级组织，不能停用' },
  'org.only_villages_move': { status: 400, message: '只能将村（社区）调整到其他镇（街道）' },
  'person.not_found': { status: 404, message: '人员不存在或不在您的管理范围内' },
  'person.duplicate_id_number': { status: 409, message: '该身份证号已登记' },
  'person.invalid_id_number': { status: 400, message: '身份证号格式不正确' },
  'person.invalid_phone': { status: 400, message: '手机号格式不正确' },
  'account.not_found': { status: 404, message: '账户不存在或不在您的管理范围内' },
  'account.duplicate_username': { status: 409, message: '用户名已存在' },
  'account.admin_roles_exclusive': {
    status: 409,
    message: '系统管理员、安全管理员、审计管理员三类角色不能由同一账户兼任',
  },
  'account.role_scope_invalid': { status: 400, message: '角色的管理范围与角色层级不符' },
  'account.cannot_change_self': { status: 409, message: '不能修改自己账户的角色或状态' },
  'standard.not_found': { status: 404, message: '评星标准不存在' },
  'standard.invalid': { status: 400, message: '评星标准有错误，请按提示修改' },
  'standard.duplicate_version': { status: 409, message: '该标准的此版本号已存在' },
  'standard.locked': { status: 409, message: '该标准已被已结束的评星年度使用，只读；如需修改请复制为新版本' },
  'standard.not_json': { status: 400, message: '文件不是有效的 JSON' },
  'import.not_xlsx': { status: 415, message: '文件不是有效的 Excel（.xlsx）文件' },
  'import.too_large': { status: 413, message: '文件过大' },
  'import.rows_invalid': { status: 422, message: '导入文件中有错误行，未导入任何数据' },
  'import.empty': { status: 422, message: '导入文件中没有数据行' },
  internal: { status: 500, message: '系统内部错误，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function messageFor(code: string): string {
  return (errorCatalog as Record<string, { message: string }>)[code]?.message ?? errorCatalog.internal.message;
}
