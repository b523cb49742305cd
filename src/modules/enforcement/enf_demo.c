/*
 * enf_demo.c - the demo county's enforcement registries: a body for every
 * department and township that enforces, plus the comprehensive enforcement
 * brigades (综合行政执法大队) and market-supervision offices, each through
 * the qualification review; power lists of realistic size built from each
 * domain's laws (thousands of items); hundreds of officers with training
 * records; and certificates in every state, each taken through the case
 * engine on its own dates relative to today (FAZHI_TODAY).
 */
#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"
#include "platform/search.h"

struct law {
	const char *name; /* 《…》 */
	int first_article;
};

struct domain {
	const char *key;
	struct law laws[3];
	const char *subjects[4];     /* who is penalised: "生产经营者" */
	const char *violations[12];  /* "未取得许可从事食品生产经营" */
	const char *permits[6];      /* licensing items */
	const char *checks[4];       /* inspection objects */
	const char *seizures[3];     /* coercion objects */
	const char *other[3];        /* levy, confirmation, reward, payment items */
};

static const struct domain domains[] = {
	{"market",
	 {{"《中华人民共和国食品安全法》", 122}, {"《中华人民共和国产品质量法》", 49}, {"《中华人民共和国广告法》", 55}},
	 {"食品生产经营者", "网络食品交易第三方平台提供者", "餐饮服务提供者", "集中交易市场开办者"},
	 {"未取得食品生产经营许可从事食品生产经营活动", "用非食品原料生产食品", "经营超过保质期的食品",
	  "超范围、超限量使用食品添加剂", "经营病死、毒死或者死因不明的禽畜肉类", "未按规定查验供货者许可证和食品出厂检验合格证",
	  "生产经营标签不符合规定的预包装食品", "未建立从业人员健康管理制度", "发布虚假广告",
	  "在产品中掺杂、掺假，以假充真、以次充好", "伪造产品产地或者冒用他人厂名厂址", "销售失效、变质的产品"},
	 {"食品生产许可", "食品经营许可", "特种设备使用登记", "工业产品生产许可证核发", "计量标准器具核准", NULL},
	 {"食品生产经营者", "特种设备使用单位", "计量器具使用单位", NULL},
	 {"查封、扣押不符合食品安全标准的食品", "查封、扣押与违法行为有关的场所、设施", NULL},
	 {"对举报食品安全违法行为的奖励", "经营主体登记（确认）", NULL}},
	{"traffic",
	 {{"《中华人民共和国道路交通安全法》", 87}, {"《中华人民共和国道路运输条例》", 63}, {"《公路安全保护条例》", 56}},
	 {"机动车驾驶人", "道路运输经营者", "公路施工单位", "机动车所有人"},
	 {"未取得道路运输经营许可擅自从事道路运输经营", "使用失效、伪造、变造的道路运输证", "超限运输车辆擅自行驶公路",
	  "在公路用地范围内设置非公路标志", "擅自占用、挖掘公路", "客运经营者不按批准的客运站点停靠",
	  "机动车驾驶人饮酒后驾驶机动车", "货运车辆超载", "未按规定对车辆进行技术维护",
	  "道路运输车辆未随车携带道路运输证", "擅自改装已取得道路运输证的车辆", NULL},
	 {"道路客运经营许可", "道路货物运输经营许可", "公路超限运输许可", "涉路施工许可", "出租汽车经营许可", NULL},
	 {"道路运输经营者", "公路及公路用地", "汽车客运站", NULL},
	 {"暂扣未取得道路运输证的车辆", "扣留违法超限运输车辆", NULL},
	 {"车辆购置税减免确认", "公路路政赔偿费收取", NULL}},
	{"environment",
	 {{"《中华人民共和国环境保护法》", 59}, {"《中华人民共和国大气污染防治法》", 99}, {"《中华人民共和国水污染防治法》", 81}},
	 {"排污单位", "建设单位", "其他生产经营者", "污染治理设施运营维护单位"},
	 {"未依法取得排污许可证排放污染物", "超过污染物排放标准排放污染物", "通过暗管、渗井等逃避监管的方式排放污染物",
	  "建设项目未依法进行环境影响评价擅自开工建设", "未按规定安装使用污染物排放自动监测设备",
	  "拒绝环境保护主管部门监督检查", "露天焚烧产生有毒有害烟尘的物质", "未采取措施防止排放恶臭气体",
	  "违反规定贮存危险废物", "未按规定设置排污口", "篡改、伪造监测数据", NULL},
	 {"排污许可证核发", "建设项目环境影响评价文件审批", "危险废物经营许可", NULL},
	 {"排污单位", "建设项目环境保护设施", "危险废物产生单位", NULL},
	 {"查封、扣押造成污染物排放的设施、设备", NULL},
	 {"环境保护税征收协作", NULL}},
	{"urban",
	 {{"《城市市容和环境卫生管理条例》", 34}, {"《中华人民共和国城乡规划法》", 64}, {"《城镇排水与污水处理条例》", 49}},
	 {"单位", "个人", "经营者", "建设单位"},
	 {"在城市道路两侧擅自设置摊点", "随意倾倒、抛撒建筑垃圾", "擅自设置大型户外广告", "未经批准进行临时建设",
	  "违反规划许可进行建设", "在人行道上违法停放车辆", "擅自占用城市道路", "向城镇排水设施排放污水未取得许可",
	  "在公共场所乱张贴、乱涂写", "未按规定清运生活垃圾", "餐饮经营者未安装油烟净化设施", "运输渣土车辆未密闭"},
	 {"城市建筑垃圾处置核准", "临时占用城市道路审批", "设置大型户外广告审批", "城镇污水排入排水管网许可", NULL},
	 {"市容环境卫生责任区", "建筑工地", "户外广告设施", NULL},
	 {"扣押违法摆摊设点的物品", "查封违法建设施工现场", NULL},
	 {"城市道路占用费征收", NULL}},
	{"agriculture",
	 {{"《中华人民共和国农产品质量安全法》", 65}, {"《农药管理条例》", 51}, {"《中华人民共和国动物防疫法》", 97}},
	 {"农产品生产经营者", "农药经营者", "畜禽养殖场", "兽药经营者"},
	 {"销售含有国家禁止使用的农药的农产品", "未取得农药经营许可证经营农药", "经营假农药", "未按规定建立农药经营台账",
	  "对饲养的动物未按规定实施强制免疫", "屠宰、经营未经检疫的动物产品", "使用禁用的兽药", "生产、经营假种子",
	  "未按规定处理病死畜禽", "非法捕捞水产品", "销售劣质肥料", NULL},
	 {"农药经营许可", "兽药经营许可证核发", "动物防疫条件合格证核发", "种子生产经营许可证核发", "渔业捕捞许可", NULL},
	 {"农资经营单位", "畜禽养殖场", "农产品生产基地", NULL},
	 {"查封、扣押违法生产经营的农药", "查封、扣押染疫动物产品", NULL},
	 {"耕地地力保护补贴发放", "农机购置补贴确认", NULL}},
	{"safety",
	 {{"《中华人民共和国安全生产法》", 94}, {"《危险化学品安全管理条例》", 75}, {"《烟花爆竹安全管理条例》", 36}},
	 {"生产经营单位", "生产经营单位主要负责人", "危险化学品经营单位", "安全生产中介服务机构"},
	 {"未按规定设置安全生产管理机构", "未按规定对从业人员进行安全生产教育和培训", "未如实记录安全生产教育和培训情况",
	  "未建立事故隐患排查治理制度", "未按规定制定生产安全事故应急救援预案", "特种作业人员未持证上岗",
	  "未取得危险化学品经营许可证经营危险化学品", "未经许可经营烟花爆竹", "储存危险化学品不符合国家标准",
	  "关闭、破坏直接关系生产安全的监控设备", "未为从业人员提供符合标准的劳动防护用品", NULL},
	 {"危险化学品经营许可", "烟花爆竹经营（零售）许可", "非煤矿山安全生产许可初审", NULL},
	 {"生产经营单位", "危险化学品经营单位", "烟花爆竹零售点", NULL},
	 {"查封、扣押不符合保障安全生产标准的设施、设备", NULL},
	 {"生产安全事故调查处理", NULL}},
	{"resources",
	 {{"《中华人民共和国土地管理法》", 74}, {"《中华人民共和国矿产资源法》", 39}, {"《中华人民共和国森林法》", 73}},
	 {"单位", "个人", "采矿权人", "林业经营者"},
	 {"非法占用土地", "未经批准擅自将农用地改为建设用地", "买卖或者以其他形式非法转让土地", "拒不履行土地复垦义务",
	  "未取得采矿许可证擅自采矿", "超越批准的矿区范围采矿", "盗伐林木", "滥伐林木",
	  "未经批准擅自改变林地用途", "破坏耕地种植条件", "非法采砂", NULL},
	 {"建设用地规划许可证核发", "采矿权新立、延续、变更登记", "林木采伐许可证核发", "临时用地审批", "使用林地审核", NULL},
	 {"土地利用情况", "矿山企业", "林木采伐作业现场", NULL},
	 {"查封、扣押非法采矿设备", NULL},
	 {"土地复垦费征收", "不动产登记（确认）", "森林植被恢复费征收"}},
	{"township",
	 {{"《中华人民共和国城乡规划法》", 65}, {"《中华人民共和国森林法》", 76}, {"《村庄和集镇规划建设管理条例》", 36}},
	 {"单位", "个人", "村民", "经营者"},
	 {"在乡、村庄规划区内未依法取得乡村建设规划许可证进行建设", "未经批准在村庄规划区内占用农用地建住宅",
	  "在森林防火区内野外用火", "在村庄道路两侧乱堆乱放", "擅自在集镇规划区内进行建设", "露天焚烧秸秆",
	  "在禁养区内养殖畜禽", "占用农村道路", "损坏村庄和集镇的公共设施", "乱倒生活垃圾", NULL, NULL},
	 {"乡村建设规划许可证核发", "农村村民宅基地审批", "临时占用农村道路审批", NULL, NULL, NULL},
	 {"农村村民建房现场", "森林防火区", "集镇市容环境卫生", NULL},
	 {"拆除违法建设（强制执行）", NULL},
	 {"农村五保供养（给付）", "最低生活保障初审（确认）", "见义勇为人员奖励"}},
};

struct demo_body {
	const char *agency, *name, *kind, *entrusted, *domain, *basis;
};

static const struct demo_body bodies[] = {
	{"scj", "青山县市场监督管理局", "organ", NULL, "market", "《中华人民共和国食品安全法》第六条、《中华人民共和国产品质量法》第八条，《青山县人民政府机构改革方案》"},
	{"scj", "青山县市场监督管理局城关市场监督管理所", "authorized", NULL, "market", "《中华人民共和国行政处罚法》第十九条；《市场监督管理行政处罚程序规定》第十四条：县级市场监管部门依法设立的派出机构，可以以自己的名义实施警告、通报批评和较低数额罚款"},
	{"jtj", "青山县交通运输局", "organ", NULL, "traffic", "《中华人民共和国公路法》第八条、《中华人民共和国道路运输条例》第七条"},
	{"jtj", "青山县交通运输综合行政执法大队", "entrusted", "青山县交通运输局", "traffic", "《中华人民共和国行政处罚法》第二十条，青山县交通运输局《行政执法委托书》"},
	{"hbj", "青山县生态环境分局", "organ", NULL, "environment", "《中华人民共和国环境保护法》第十条"},
	{"hbj", "青山县生态环境保护综合行政执法大队", "entrusted", "青山县生态环境分局", "environment", "《中华人民共和国行政处罚法》第二十条，生态环境分局《行政执法委托书》"},
	{"cgj", "青山县城市管理综合行政执法局", "organ", NULL, "urban", "《中华人民共和国行政处罚法》第十八条，省人民政府关于青山县开展相对集中行政处罚权工作的批复"},
	{"nyj", "青山县农业农村局", "organ", NULL, "agriculture", "《中华人民共和国农产品质量安全法》第五条、《农药管理条例》第三条"},
	{"nyj", "青山县农业综合行政执法大队", "entrusted", "青山县农业农村局", "agriculture", "《中华人民共和国行政处罚法》第二十条，县农业农村局《行政执法委托书》"},
	{"yjj", "青山县应急管理局", "organ", NULL, "safety", "《中华人民共和国安全生产法》第十条"},
	{"zrj", "青山县自然资源局", "organ", NULL, "resources", "《中华人民共和国土地管理法》第五条、《中华人民共和国矿产资源法》第十一条"},
	{"lyj", "青山县林业局", "organ", NULL, "resources", "《中华人民共和国森林法》第九条"},
	{"zjj", "青山县住房和城乡建设局", "organ", NULL, "urban", "《中华人民共和国建筑法》第六条、《建设工程质量管理条例》第四十三条"},
	{"wlj", "青山县文化广电和旅游局", "organ", NULL, "market", "《中华人民共和国旅游法》第八十三条、《娱乐场所管理条例》第五条"},
	{"wjj", "青山县卫生健康局", "organ", NULL, "market", "《中华人民共和国基本医疗卫生与健康促进法》第七条"},
	{"slj", "青山县水利局", "organ", NULL, "resources", "《中华人民共和国水法》第十二条"},
	{"rsj", "青山县人力资源和社会保障局", "organ", NULL, "safety", "《劳动保障监察条例》第三条"},
	{"jyj", "青山县教育局", "organ", NULL, "township", "《中华人民共和国教育法》第十五条"},
	{"swj", "青山县商务局", "organ", NULL, "market", "《单用途商业预付卡管理办法（试行）》第五条"},
	{"ybj", "青山县医疗保障局", "organ", NULL, "safety", "《医疗保障基金使用监督管理条例》第六条"},
	{"tjj", "青山县统计局", "organ", NULL, "township", "《中华人民共和国统计法》第二十七条"},
	{"gaj", "青山县公安局", "organ", NULL, "traffic", "《中华人民共和国人民警察法》第六条、《中华人民共和国道路交通安全法》第五条"},
	{"gaj", "青山县公安局交通警察大队", "authorized", NULL, "traffic", "《中华人民共和国道路交通安全法》第八十七条、《道路交通安全违法行为处理程序规定》第四条"},
	{"qsz", "青山镇人民政府", "organ", NULL, "township", "《中华人民共和国行政处罚法》第二十四条，省人民政府关于赋予乡镇部分县级行政执法权的决定"},
	{"cgz", "城关镇人民政府", "organ", NULL, "township", "《中华人民共和国行政处罚法》第二十四条，省人民政府关于赋予乡镇部分县级行政执法权的决定"},
	{"lhx", "柳河乡人民政府", "organ", NULL, "township", "《中华人民共和国城乡规划法》第六十五条"},
	{"sqz", "石桥镇人民政府", "organ", NULL, "township", "《中华人民共和国行政处罚法》第二十四条"},
	{"lqz", "龙泉镇人民政府", "organ", NULL, "township", "《中华人民共和国行政处罚法》第二十四条"},
	{"bsx", "白沙乡人民政府", "organ", NULL, "township", "《中华人民共和国城乡规划法》第六十五条"},
	{"dhjd", "东湖街道办事处", "organ", NULL, "township", "《中华人民共和国行政处罚法》第二十四条，省人民政府关于赋予街道办事处部分行政执法权的决定"},
};

static const char *const chinese_numbers[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* 第一百二十三条 */
static const char *article_text(struct fz_ctx *ctx, int n)
{
	char buf[96] = "第";
	int h = n / 100, t = (n / 10) % 10, u = n % 10;
	if (h)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s百", chinese_numbers[h]);
	if (t)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s十",
			 (t == 1 && !h) ? "" : chinese_numbers[t]);
	else if (h && u)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "零");
	if (u)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s", chinese_numbers[u]);
	snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "条");
	return fz_arena_strdup(ctx->arena, buf);
}

static const struct domain *domain_of(const char *key)
{
	for (size_t i = 0; i < sizeof domains / sizeof domains[0]; i++)
		if (strcmp(domains[i].key, key) == 0)
			return &domains[i];
	return &domains[0];
}

static int64_t agency_id(struct fz_ctx *ctx, const char *code, char *shortcode, size_t size)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT agency_id, code FROM agency WHERE code = ?",
					 "t", code);
	int64_t id = 0;
	if (st && fz_stmt_row(st)) {
		id = fz_col_int(st, 0);
		snprintf(shortcode, size, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	return id;
}

static void at_day(struct fz_ctx *ctx, int day)
{
	ctx->today = day;
	ctx->now = (int64_t)day * 86400 + 3600 * 2;
}

static enum fz_code act(struct fz_ctx *ctx, int64_t case_id, const char *action, json_t *in,
			struct fz_err *err)
{
	enum fz_code rc = fz_case_act_current(ctx, case_id, action, in, err);
	json_decref(in);
	if (rc)
		fprintf(stderr, "demo: 证件 %lld %s：%s\n", (long long)case_id, action, err->message);
	return rc;
}

/* Power items of one body: penalties (subject × violation), licences, inspections, coercion, others. */
static enum fz_code powers(struct fz_ctx *ctx, int64_t body, const struct demo_body *db,
			   const struct domain *d, const char *code, int bi, int *seqp, long *count,
			   struct fz_err *err)
{
	char today[11], now[21];
	fz_date_format(ctx->today, today);
	fz_iso_utc(ctx->now, now);
	int64_t agency = 0;
	char sc[16];
	agency = agency_id(ctx, db->agency, sc, sizeof sc);
	int seq = *seqp;
	bool township = strcmp(db->domain, "township") == 0;
	const char *post = township ? "综合行政执法办公室" : bi % 2 ? "法规股（执法大队）" : "执法监督股";
	for (int kind = 0; kind < 5; kind++) {
		const char *const *list = kind == 0   ? d->violations
					  : kind == 1 ? d->permits
					  : kind == 2 ? d->checks
					  : kind == 3 ? d->seizures
						      : d->other;
		int nlist = kind == 0 ? 12 : kind == 1 ? 6 : kind == 2 ? 4 : 3;
		int nsub = kind == 0 ? 4 : 1;
		for (int i = 0; i < nlist && list[i]; i++)
			for (int s = 0; s < nsub && (kind != 0 || d->subjects[s]); s++) {
				const struct law *law = &d->laws[(i + s) % 3];
				int art = law->first_article + (i * 3 + s) % 19;
				const char *cat = kind == 0   ? "penalty"
						  : kind == 1 ? "licensing"
						  : kind == 2 ? "inspection"
						  : kind == 3 ? "coercion"
						  : strstr(list[i], "征收") || strstr(list[i], "费") ? "levy"
						  : strstr(list[i], "奖励")			   ? "reward"
						  : strstr(list[i], "给付") || strstr(list[i], "补贴") ? "payment"
						  : strstr(list[i], "确认") || strstr(list[i], "登记") ? "confirmation"
													  : "other";
				const char *name = kind == 0 ? fz_arena_printf(ctx->arena, "对%s%s的行政处罚", d->subjects[s], list[i])
						   : kind == 2 ? fz_arena_printf(ctx->arena, "对%s的行政检查", list[i])
							       : list[i];
				char icode[48];
				snprintf(icode, sizeof icode, "QS-%s-%02d-%03d", code, bi, ++seq);
				const char *article = article_text(ctx, art);
				const char *basis = kind == 0
					? fz_arena_printf(ctx->arena, "%s%s：%s%s的，由县级以上人民政府有关主管部门责令改正，给予警告，没收违法所得，并处罚款；情节严重的，依法吊销许可证件。",
							  law->name, article, d->subjects[s], list[i])
					: fz_arena_printf(ctx->arena, "%s%s规定的职责。", law->name, article);
				const char *v[9] = {icode, name, cat, law->name, article, basis, post,
						    "1. 立案责任；2. 调查取证责任；3. 审查责任；4. 告知责任；5. 决定责任；6. 送达责任；7. 执行责任；8. 其他法律法规规章规定应履行的责任。",
						    "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任：1. 没有法律和事实依据实施行政处罚的；2. 违反法定程序实施的；3. 其他违反法律法规规章规定的行为。"};
				struct fz_stmt *st = fz_db_query(
					ctx->db, err,
					"INSERT INTO enf_power(body_id, agency_id, code, name, category, law_name,"
					" article, basis_text, post, duties, accountability, updated_on, created_at)"
					" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING item_id",
					"iitttttt" "ttttt", body, agency, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
					v[7], v[8], today, now);
				int64_t id = 0;
				enum fz_code rc = st ? fz_stmt_exec_id(st, &id, err) : err->code;
				if (!rc) {
					struct fz_search_field text[] = {
						{"name", name},
						{"basis", fz_arena_printf(ctx->arena, "%s%s\n%s", law->name,
									  article, basis)},
					};
					rc = fz_search_index(ctx->db, "enf_power", id, text, 2, err);
				}
				if (!rc) {
					st = fz_db_query(ctx->db, err,
							 "INSERT INTO enf_power_version(item_id, version, changed_on, reason,"
							 " after_json, actor, created_at) VALUES (?, 1, ?, '权责清单梳理公布', ?, '系统', ?)",
							 "ittt", id, today,
							 fz_arena_printf(ctx->arena, "{\"code\":\"%s\"}", icode), now);
					rc = st ? fz_stmt_exec(st, err) : err->code;
				}
				if (rc)
					return rc;
				(*count)++;
			}
	}
	*seqp = seq;
	return FZ_OK;
}

static const char *const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
static const char *const given[] = {"建国", "海涛", "志强", "丽娟", "晓明", "文斌", "春燕", "国平", "立新", "红梅",
				    "永刚", "俊杰", "秀英", "德华", "伟", "静", "磊", "敏", "军", "洋",
				    "小龙", "雪梅", "振华", "明辉", "桂芳", "玉兰", "长青", "少华", "新民", "亚军"};

static const char *person(struct fz_ctx *ctx, int i)
{
	/* Surnames are one CJK character (3 bytes in UTF-8). */
	size_t ns = strlen(surnames) / 3;
	size_t s = ((size_t)i * 7) % ns;
	return fz_arena_printf(ctx->arena, "%.3s%s", surnames + s * 3, given[(i * 11 + i / 7) % 30]);
}

enum fz_code fz_enf_demo(struct fz_ctx *ctx, struct fz_err *err)
{
	struct fz_user legal;
	if (!fz_user_load(ctx->db, "legal", &legal))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "缺少演示账号 legal");
	int today = ctx->today, base;
	fz_date_parse("2024-03-01", &base);
	enum { NB = sizeof bodies / sizeof bodies[0] };
	int64_t ids[NB] = {0};
	long items = 0, officers = 0, certs = 0;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	ctx->user = &legal;
	/* Bodies: reviewed early in 2024 and published; two still under review, one rejected. */
	for (int i = 0; i < NB && !rc; i++) {
		const struct demo_body *b = &bodies[i];
		char code[16];
		int64_t agency = agency_id(ctx, b->agency, code, sizeof code);
		if (!agency)
			continue;
		bool late = i == NB - 1 || i == NB - 3;
		at_day(ctx, late ? today - 10 : base + i);
		json_t *in = json_pack("{s:I, s:s, s:s, s:s, s:s}", "agency_id", (json_int_t)agency, "name",
				       b->name, "kind", b->kind, "legal_basis", b->basis, "level",
				       strcmp(b->domain, "township") == 0 && strstr(b->name, "局") == NULL ? "township" : "department");
		for (int j = 0; j < i && b->entrusted; j++)
			if (strcmp(bodies[j].name, b->entrusted) == 0)
				json_object_set_new(in, "entrusted_by", json_integer(ids[j]));
		json_t *out = NULL;
		rc = fz_enf_body_create(ctx, in, &out, err);
		json_decref(in);
		if (rc)
			break;
		ids[i] = json_integer_value(json_object_get(out, "body_id"));
		int64_t case_id = json_integer_value(json_object_get(out, "case_id"));
		json_decref(out);
		if (late)
			continue;
		if (i == 1) {
			at_day(ctx, base + i + 5);
			if ((rc = act(ctx, case_id, "reject", json_pack("{s:s}", "reason", "派出机构以自己名义实施处罚的依据需写明具体条款"), err)))
				break;
			at_day(ctx, base + i + 9);
			if ((rc = act(ctx, case_id, "resubmit", json_pack("{s:s}", "legal_basis", b->basis), err)))
				break;
		}
		at_day(ctx, base + i + 14);
		if ((rc = act(ctx, case_id, "confirm", json_pack("{s:s}", "opinion", "主体资格依据充分，予以确认。"), err)))
			break;
		at_day(ctx, base + 30);
		char pub[11];
		fz_date_format(base + 30, pub);
		if ((rc = act(ctx, case_id, "publish", json_pack("{s:s, s:s}", "published_on", pub, "announcement", "青政告〔2024〕3号"), err)))
			break;
		/* Townships hold the county powers devolved to them (行政处罚法 第二十四条); the
		 * market regulator also checks safety in production of what it licenses. */
		static const char *const township_extra[] = {"township", "urban", "agriculture", "resources"};
		static const char *const market_extra[] = {"market", "safety"};
		const char *const *keys = strcmp(b->domain, "township") == 0 && strstr(b->name, "局") == NULL
						  ? township_extra
					  : strcmp(b->agency, "scj") == 0 ? market_extra
									  : &b->domain;
		int nkeys = keys == township_extra ? 4 : keys == market_extra ? 2 : 1;
		int seq = 0;
		for (int k = 0; k < nkeys && !rc; k++)
			rc = powers(ctx, ids[i], b, domain_of(keys[k]), code, i, &seq, &items, err);
		if (rc)
			break;
	}
	/* Officers, their training this year and last, and certificates in every state. */
	static const char *const posts[] = {"enforcement", "enforcement", "enforcement", "legal_review",
					    "supervision", "enforcement", "leadership", "enforcement"};
	static const char *const edu[] = {"bachelor", "bachelor", "college", "master", "bachelor", "college", "bachelor", "secondary"};
	static const char *const emp[] = {"civil_servant", "managed", "civil_servant", "institution",
					  "civil_servant", "civil_servant", "contract", "civil_servant"};
	int person_no = 0;
	for (int i = 0; i < NB && !rc; i++) {
		if (!ids[i] || i == NB - 1 || i == NB - 3)
			continue;
		int staff = strcmp(bodies[i].kind, "organ") == 0 ? 12 : 9;
		for (int k = 0; k < staff && !rc; k++, person_no++) {
			int p = person_no;
			at_day(ctx, base + 40 + (p % 60));
			json_t *in = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "body_id",
					       (json_int_t)ids[i], "name", person(ctx, p), "gender",
					       p % 3 ? "male" : "female", "post", posts[p % 8], "area",
					       strcmp(bodies[i].domain, "township") == 0 ? fz_arena_printf(ctx->arena, "%s辖区", bodies[i].name)
											 : "青山县行政区域",
					       "education", edu[p % 8], "employment", emp[(p / 8 + p) % 8],
					       "legal_qualification", posts[p % 8][0] == 'l' && posts[p % 8][1] == 'e' && posts[p % 8][2] == 'g');
			json_t *out = NULL;
			if ((rc = fz_enf_officer_create(ctx, in, &out, err))) {
				json_decref(in);
				break;
			}
			json_decref(in);
			int64_t officer = json_integer_value(json_object_get(out, "officer_id"));
			json_decref(out);
			officers++;
			/* Training: some last year, this year's hours around the 60-hour target. */
			int sessions = 2 + p % 4;
			for (int t = 0; t < sessions && !rc; t++) {
				int day = today - 20 - t * 45 - p % 17;
				char d[11];
				fz_date_format(day, d);
				at_day(ctx, day);
				static const char *const courses[] = {"《中华人民共和国行政处罚法》专题培训", "行政执法三项制度培训",
								      "执法文书制作规范", "行政复议与行政诉讼案例讲评", "法治政府建设专题讲座"};
				json_t *tin = json_pack("{s:s, s:s, s:i}", "trained_on", d, "course", courses[(p + t) % 5], "hours", 8 + (p + t) % 4 * 4);
				rc = fz_enf_training_add(ctx, officer, tin, &out, err);
				json_decref(tin);
				json_decref(out);
			}
			if (rc || p % 8 == 7 || strcmp(emp[(p / 8 + p) % 8], "contract") == 0)
				continue; /* no certificate: secondary education or contract staff */
			/* Certificate: applied on a day that depends on p, then each step as far as it got. */
			int applied = base + 60 + (p * 5) % 900;
			if (applied > today - 3)
				applied = today - 3 - p % 30;
			at_day(ctx, applied);
			struct fz_case_row c;
			json_t *ain = json_pack("{s:I}", "officer_id", (json_int_t)officer);
			rc = fz_enf_cert_apply_new(ctx, ain, &c, err);
			json_decref(ain);
			if (rc)
				break;
			certs++;
			int stage = p % 23 == 3 ? 0 : p % 23 == 5 ? 1 : p % 23 == 9 ? 2 : 9;
			int steps[] = {applied + 3, applied + 10, applied + 20, applied + 30};
			if (stage == 0 || steps[0] > today)
				continue; /* awaiting screening */
			at_day(ctx, steps[0]);
			if ((rc = act(ctx, c.case_id, "qualify", json_pack("{s:s}", "note", "学历、岗位、编制情况符合要求"), err)))
				break;
			if (stage == 1 || steps[1] > today)
				continue; /* awaiting training */
			at_day(ctx, steps[1]);
			char d[11];
			fz_date_format(steps[1], d);
			if ((rc = act(ctx, c.case_id, "train", json_pack("{s:i, s:s}", "hours", 40, "completed_on", d), err)))
				break;
			if (stage == 2 || steps[2] > today)
				continue; /* awaiting the exam */
			at_day(ctx, steps[2]);
			fz_date_format(steps[2], d);
			int score = p % 13 == 4 ? 48 + p % 10 : 62 + (p * 7) % 37;
			if ((rc = act(ctx, c.case_id, score >= 60 ? "exam_pass" : "exam_fail",
				      json_pack("{s:i, s:s}", "score", score, "exam_on", d), err)))
				break;
			if (score < 60 || steps[3] > today)
				continue;
			at_day(ctx, steps[3]);
			/* Mostly 5 years; a few were issued for 2 years in 2024 and have now run out. */
			int years = p % 11 == 2 && steps[3] < base + 250 ? 2 : 5;
			if ((rc = act(ctx, c.case_id, "issue", json_pack("{s:s, s:i}", "area", strcmp(bodies[i].domain, "township") == 0 ? "本乡镇（街道）辖区" : "青山县行政区域", "valid_years", years), err)))
				break;
			if (years == 2) {
				at_day(ctx, today);
				if (p % 2 && (rc = act(ctx, c.case_id, "expire", json_object(), err)))
					break;
				continue;
			}
			if (p % 17 == 6) { /* suspended after a failed annual review */
				at_day(ctx, steps[3] + 200 < today ? steps[3] + 200 : today);
				rc = act(ctx, c.case_id, "suspend", json_pack("{s:s}", "reason", "年度审验不合格：全年执法案卷评查不合格且未整改"), err);
			} else if (p % 19 == 8 || p % 29 == 10) { /* left the post */
				int left = steps[3] + 120 < today ? steps[3] + 120 : today;
				if (p % 19 == 8)
					left = today - 4; /* recently: the withdrawal is still open */
				at_day(ctx, left);
				json_t *pin = json_pack("{s:i, s:s}", "version", 1, "status", p % 2 ? "transferred" : "retired");
				rc = fz_enf_officer_update(ctx, officer, pin, &out, err);
				json_decref(pin);
				json_decref(out);
				if (!rc && p % 29 == 10) {
					at_day(ctx, left + 5 <= today ? left + 5 : today);
					rc = act(ctx, c.case_id, "withdraw", json_pack("{s:s, s:s}", "reason", p % 2 ? "transfer" : "retirement", "note", "证件已交回，予以注销"), err);
				}
			} else if (steps[3] + 365 <= today) {
				at_day(ctx, steps[3] + 365);
				char rd[11];
				fz_date_format(steps[3] + 365, rd);
				rc = act(ctx, c.case_id, "annual_review", json_pack("{s:s, s:s}", "reviewed_on", rd, "note", "年度审验合格"), err);
			}
		}
	}
	ctx->user = NULL;
	fz_ctx_set_time(ctx);
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	if (!rc)
		printf("行政执法：%d 个执法主体，%ld 项权责事项，%ld 名执法人员，%ld 件证件申领\n", NB, items,
		       officers, certs);
	return rc;
}
