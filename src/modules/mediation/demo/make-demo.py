#!/usr/bin/env python3
"""make-demo.py: writes committees.json and cases.json of this folder (deterministic, seed 13).
Edit and run it to change the mediation demo; dates are relative to the demo's reference day."""
import json, random, zlib
random.seed(13)
import os
OUT=os.path.dirname(os.path.abspath(__file__))+'/'
towns={'qsz':('青山镇',['中心村','石门村']),'cgz':('城关镇',['解放社区','幸福社区']),'lhx':('柳河乡',['柳河村']),
       'sqz':('石桥镇',['老街村','石桥村']),'lqz':('龙泉镇',['龙泉村']),'bsx':('白沙乡',['白沙村'])}
sur=list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗')
giv=['伟','芳','娜','敏','静','磊','洋','艳','勇','军','杰','娟','涛','明','超','秀兰','霞','平','刚','桂英','建国','玉梅','德明','春生']
def name(): return random.choice(sur)+random.choice(giv)
def phone(): return '1'+random.choice(['35','38','39','52','58','87'])+''.join(random.choice('0123456789') for _ in range(8))
def idno():
    """A 居民身份证号码 the server takes (GB 11643-1999): the random draw of before, its birth date made a real day
    (1950-1999) from the draw's CRC and its last character the MOD 11-2 check character."""
    s='3411'+''.join(random.choice('0123456789') for _ in range(13))+random.choice('0123456789X')
    h=zlib.crc32(s.encode())
    b='%s%04d%02d%02d%s'%(s[:6],1950+h%50,1+(h//50)%12,1+(h//600)%28,s[14:17])
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    return b+'10X98765432'[sum(int(a)*x for a,x in zip(b,w))%11]
recs=[]
meds={}
for code,(tn,vils) in towns.items():
    units=[(None,f'{tn}人民调解委员会')]+[(v,f'{tn}{v}人民调解委员会') for v in vils]
    for j,(v,cn) in enumerate(units):
        key=f'com-{code}-{j}'
        f={'name':cn,'director':name(),'phone':'0551-6'+''.join(random.choice('0123456789') for _ in range(6)),
           'address':(f'{tn}人民政府综治中心' if v is None else f'{tn}{v}村（居）委会'),'founded_on':'2019-0%d-1%d'%(random.randint(1,9),random.randint(0,9))}
        if v: f['village']=v
        recs.append({'kind':'committee','key':key,'on':'today-400','as':f'{code}.clerk','fields':f})
        meds[key]=[]
        for k in range(3 if v is None else 2):
            mk=f'med-{code}-{j}-{k}'
            recs.append({'kind':'mediator','key':mk,'on':'today-400','as':f'{code}.clerk','fields':{
                'committee_id':'@'+key,'name':f['director'] if k==0 else name(),'phone':phone(),'phone_public':k==0,
                'post':'director' if k==0 else random.choice(['member','mediator']),
                'trained_on':'day-%d'%random.randint(10,150),'training':random.choice(['全县人民调解员业务培训','民法典婚姻家庭编专题培训','矛盾纠纷排查化解培训'])}})
            meds[key].append(mk)
json.dump({'about':'青山县各乡镇及部分村（社区）的人民调解委员会和人民调解员（人民调解法 第8条、第13条）','records':recs},
          open(OUT+'committees.json','w'),ensure_ascii=False,indent=1)

people_types=[('family','婚姻家庭','双方因离婚后子女抚养费支付问题发生争执。','赡养费、抚养费问题'),
 ('neighbour','邻里纠纷','双方因房前排水沟堵塞、雨水漫灌发生口角，多次争吵。','疏通排水沟并赔礼道歉'),
 ('homestead','房屋宅基地','双方因宅基地边界围墙位置发生争议，一方砌墙占用通道。','拆除围墙、恢复通道'),
 ('contract','合同纠纷','双方因房屋装修工程款结算发生争议，尾款 1.2 万元未付。','支付装修尾款'),
 ('damages','损害赔偿','一方饲养的狗咬伤另一方，双方就医疗费赔偿协商未果。','赔偿医疗费、误工费'),
 ('land','土地纠纷','双方因承包地边界及林木归属发生争议。','确认地界、林木归属'),
 ('other','其他','双方因合伙养殖分红问题发生争执。','结算分红')]
admin=[('gaj','police','neighbour','双方因停车琐事发生肢体冲突，情节轻微，当事人愿意调解（治安管理处罚法 第九条）。','赔偿医药费'),
 ('gaj','police','damages','双方因酒后口角致一方眼镜、手机损坏。','赔偿财物损失'),
 ('wjj','health','medical','患者家属对乡镇卫生院诊疗过程有异议，要求赔偿。','赔偿医疗损失'),
 ('scj','market','consumer','消费者购买的电动车电池三个月内鼓包，商家拒绝更换。','更换电池或退款'),
 ('scj','market','consumer','预付式健身卡门店停业，消费者要求退还剩余费用。','退还剩余卡费'),
 ('rsj','labour','labour','劳动者与建筑公司因加班费和经济补偿金发生争议。','支付加班费和经济补偿'),
 ('zrj','land','land','两村民小组因山林地界发生权属争议。','确认地界')]
cases=[]
N=120
for i in range(N):
    age=int(365 - i*363/N) if i < N-8 else random.randint(2,26)
    if random.random()<0.62:
        code=random.choice(list(towns))
        j=random.randrange(len(towns[code][1])+1)
        key=f'com-{code}-{j}'
        dt,lab,summary,req=random.choice(people_types)
        f={'kind':'people','dispute_type':dt,'committee_id':'@'+key,'mediator_id':'@'+random.choice(meds[key])}
        acct=f'{code}.clerk'
        place=towns[code][0]
    else:
        code,field,dt,summary,req=random.choice(admin)
        f={'kind':'admin','field':field,'dispute_type':dt,'mediator_name':name()+'、'+name()}
        acct=f'{code}.clerk'
        place=''
    a,b=name(),name()
    if dt=='consumer': b=random.choice(['青山县鑫达电动车行','青山县动力健身馆','青山县好又多超市'])
    if dt=='labour': b='安徽青山建工有限公司'
    if dt=='medical': b=random.choice(['青山镇卫生院','柳河乡卫生院'])
    parties=[{'name':a,'id_type':'id_card','id_number':idno(),'phone':phone()},
             {'name':b,'id_type':'uscc' if ('公司' in b or '行' in b or '馆' in b or '超市' in b or '院' in b) else 'id_card',
              'id_number':('91341122MA'+''.join(random.choice('0123456789ABCDEFGHJK') for _ in range(8))) if ('公司' in b or '行' in b or '馆' in b or '超市' in b or '院' in b) else idno(),'phone':phone()}]
    f.update({'received_on':'day','summary':(place+'村民' if place else '')+a+'与'+b+'：'+summary,'requests':req,'parties':parties})
    steps=[]
    r=random.random()
    if age<=28 and r<0.85:
        if age>12 and random.random()<0.3:
            steps.append({'on':'+10','do':'extend','input':{'consent':True,'days':15,'note':'双方当事人书面同意延长调解期限，继续协商赔偿数额。'}})
    else:
        ext = random.random()<0.15
        if ext:
            steps.append({'on':'+%d'%random.randint(20,28),'do':'extend','input':{'consent':True,'days':random.choice([10,15,20]),'note':'双方当事人同意延长调解期限。'}})
        if random.random()<0.78:
            steps.append({'on':'+%d'%random.randint(3,12 if ext else 25),'do':'agree','input':{'terms':f'一、{b}于协议签订之日起十五日内{req}，双方就此纠纷再无其他争议；二、双方今后互谅互让，和睦相处。','obligations':'协议签订之日起十五日内履行完毕。'}})
            if random.random()<0.18:
                steps.append({'on':'+%d'%random.randint(3,20),'do':'apply_confirm','input':{'court':'青山县人民法院'}})
                steps.append({'on':'+%d'%random.randint(10,15),'do':'confirm_ruling','input':{'ruling':'valid','ruled_on':'day','ruling_number':'（2026）皖1122民特%d号'%random.randint(10,300)}})
            steps.append({'on':'+%d'%random.randint(8,15),'do':'perform','input':{'performance':random.choices(['done','partly','not_done'],[80,12,8])[0],'note':'电话回访双方当事人，了解协议履行情况。'}})
            steps.append({'on':'+%d'%random.randint(3,8),'do':'close','input':{'note':'协议已回访，归档。'}})
        else:
            steps.append({'on':'+%d'%random.randint(5,25),'do':'fail','input':{'reason':'双方对赔偿数额分歧较大，经多次调解未能达成一致。','referral':random.choice(['court','court','arbitration','none']) if dt!='labour' else 'arbitration'}})
    cases.append({'kind':'mediation','on':'today-%d'%age,'as':acct,'fields':f,'steps':steps})
json.dump({'about':'青山县一年的人民调解和行政调解案件，按真实步骤办理（人民调解法）','records':cases},
          open(OUT+'cases.json','w'),ensure_ascii=False,indent=1)
print(len(recs),len(cases))
