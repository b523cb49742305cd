/*
 * err.h - the one table of error codes, their HTTP status and Chinese message.
 *
 * Fallible functions return an enum fz_code; the details (message, offending
 * field) go into a caller-owned struct fz_err. The table is expanded by an
 * X-macro into the enum, the message lookup, the machine name and the status.
 * Not for: formatting responses (http/ does that from these fields).
 */
#ifndef FZ_CORE_ERR_H
#define FZ_CORE_ERR_H

#include <stdarg.h>

/* X(name, http status, default Chinese message) */
#define FZ_ERROR_MAP(X)                                                        \
	X(OK, 200, "成功")                                                         \
	X(BAD_JSON, 400, "请求内容不是有效的 JSON")                                \
	X(BAD_UTF8, 400, "文本不是有效的 UTF-8 编码")                              \
	X(BAD_REQUEST, 400, "请求格式错误")                                        \
	X(UNAUTHENTICATED, 401, "请先登录")                                        \
	X(BAD_CREDENTIALS, 401, "用户名或密码错误")                                \
	X(CSRF, 403, "缺少或无效的 CSRF 令牌，请刷新页面后重试")                   \
	X(FORBIDDEN, 403, "您的角色无权执行此操作")                                \
	X(NOT_FOUND, 404, "记录不存在")                                            \
	X(METHOD, 405, "不支持该请求方法")                                         \
	X(CONFLICT, 409, "记录已被他人修改，请刷新后重试")                         \
	X(STATE, 409, "当前状态不允许此操作")                                      \
	X(DUPLICATE, 409, "记录已存在")                                            \
	X(TOO_LARGE, 413, "请求内容过大")                                          \
	X(URI_TOO_LONG, 414, "请求地址或查询参数过长")                             \
	X(MEDIA_TYPE, 415, "不支持的内容类型")                                     \
	X(MISSING_FIELD, 422, "缺少必填字段")                                      \
	X(UNKNOWN_FIELD, 422, "包含不认识的字段")                                  \
	X(BAD_TYPE, 422, "字段类型错误")                                           \
	X(BAD_VALUE, 422, "字段取值无效")                                          \
	X(BAD_DATE, 422, "日期无效，应为 YYYY-MM-DD 格式的真实日期")              \
	X(DATE_RANGE, 422, "日期超出已载入的节假日日历年份，请管理员先载入该年日历") \
	X(THROTTLED, 429, "操作过于频繁，请稍后再试")                              \
	X(HEADERS_TOO_LARGE, 431, "请求头过大")                                    \
	X(IO, 500, "读写文件失败")                                                 \
	X(DB, 500, "数据库错误")                                                   \
	X(INTERNAL, 500, "服务器内部错误")                                         \
	X(BUSY, 503, "服务器繁忙，请稍后再试")

enum fz_code {
#define FZ_X(name, status, msg) FZ_E##name,
	FZ_ERROR_MAP(FZ_X)
#undef FZ_X
	FZ_E_COUNT
};

#define FZ_OK FZ_EOK

/* Details of a failure. Owned by the caller; fixed size so it never allocates. */
struct fz_err {
	enum fz_code code;
	char field[64];    /* offending input field, "" when none */
	char message[256]; /* Chinese, shown to the user */
};

/* Machine name ("NOT_FOUND"), HTTP status and default message of a code. */
const char *fz_code_name(enum fz_code code);
int fz_code_status(enum fz_code code);
const char *fz_code_message(enum fz_code code);

void fz_err_clear(struct fz_err *err);

/*
 * Record a failure and return its code, so callers can write
 * `return fz_err_set(err, FZ_EBAD_VALUE, "phone", "联系电话格式不正确");`.
 * err may be NULL; fmt NULL means the table's default message.
 */
enum fz_code fz_err_set(struct fz_err *err, enum fz_code code, const char *field,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
