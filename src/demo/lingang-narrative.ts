import type { Narrative, Segment } from '../domain/report/types.ts';

/**
 * What the seed agency's staff wrote for 2021 (test/fixtures/lingang-2021-annual-report.txt),
 * around the sentences the platform generates from the records. Only the staff text is stored
 * here; the generated sentences are placeholders the draft fills in.
 */
const staff = (text: string): Segment => ({ kind: 'staff', text });
const gen = (key: string): Segment => ({ kind: 'generated', key, text: '' });

export const LINGANG_2021_NARRATIVE: Narrative = {
  overview: [
    {
      topic: 'proactive',
      title: '主动公开',
      segments: [
        staff(
          '2021年，临港区加大对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息公开力度，',
        ),
        gen('proactive.publications'),
        // what the seed says of the same publications and the records cannot: the kind of the
        // meetings and the count of 管委文件 (the generated sentence states the counts it has)
        staff('公开的会议均为工委（扩大）会议；公开管委文件25件。'),
      ],
    },
    {
      topic: 'requests',
      title: '依申请公开',
      segments: [
        gen('requests.summary'),
        gen('requests.outcomes'),
        gen('requests.fees'),
        gen('requests.reviews'),
      ],
    },
    {
      topic: 'management',
      title: '政府信息管理',
      segments: [
        staff(
          '2021年，动态调整区政务公开领导小组成员名单，重新修订《临港区政府信息公开工作规范汇编》，内容包括信息发布协调工作规定、信息公开保密审查办法、信息公开责任追究办法等，强调“一把手抓公开”，严格规范相关单位政府信息公开的日常工作；落实规范性文件制发审批、清理工作流程。',
        ),
        gen('management.normative'),
        staff('进一步优化全网站信息搜索、检索分类、智能推荐等功能，方便公众获取所需信息。'),
      ],
    },
    {
      topic: 'platform',
      title: '政府信息公开平台建设',
      segments: [
        staff(
          '2021年，聚焦开发区体制机制改革，完成了管委门户网站改版升级，优化网站功能，提升用户体验，创新开设“投资临港”“政务地图”“优化营商环境”等专题专栏，助力打造“服务链、产业链、供应链、创新链”协同发展的政务环境、营商环境。加强政务新媒体管理，做好微博、微信、抖音等政务新媒体日常维护和备案管理，关停关注用户少、非官方认证账号3个（掌上临港、威海临港区项目推进办公室、威海临港区草庙子镇）；在区行政审批服务中心、各镇便民服务大厅开设政府信息查阅点。',
        ),
      ],
    },
    {
      topic: 'oversight',
      title: '监督保障',
      segments: [
        staff(
          '将政务公开纳入区级年度考核，制定《2021年临港区政务公开考核标准》，明确了各单位职责分工，要求各成员单位至少有1名人员负责网站内容建设和政府信息公开；定期检查管委门户网站及政务新媒体各栏目存在的问题，发现问题第一时间整改，结合检查整改情况，组织开展政务公开业务培训会议2次，力促政务公开工作健康、稳定、有序开展。',
        ),
      ],
    },
  ],
  problems: [
    {
      topic: 'problems',
      title: '',
      segments: [
        staff(
          '2021年，临港区政府信息公开工作取得了一定成绩，但整体水平与公众期望相比仍有差距，依然存在基层政务公开工作人员能力有待加强、法定主动公开栏目设置有待优化等问题。2022年，临港区将着重做好以下三方面工作：',
        ),
      ],
    },
    {
      topic: 'training',
      title: '',
      segments: [
        staff(
          '一是加大培训力度。针对基层政务公开工作人员变动频繁导致的能力不足问题，计划通过定期集体培训和不定时“开小灶”相结合的方式，积极开展富有成效的培训，提升基层政务公开工作人员综合素质和专业能力。',
        ),
      ],
    },
    {
      topic: 'inspection',
      title: '',
      segments: [
        staff(
          '二是强化督导检查。优化细化《2022年临港区政务公开考核标准》，对网站信息发布、依申请信息申请处理、新媒体管理等重点工作，按期开展调度，落实考核标准，促进工作水平不断提升。',
        ),
      ],
    },
    {
      topic: 'columns',
      title: '',
      segments: [
        staff(
          '三是优化栏目设置。立足临港区发展实际，结合年度政务公开工作要点，广泛征集政务公开领导小组各成员单位意见建议，对法定主动公开栏目梳理优化，明确公开内容、责任单位、发布平台和更新频次，提高主动公开内容标准化、规范化水平。',
        ),
      ],
    },
  ],
  other: [
    {
      topic: 'proposals',
      title: '',
      segments: [
        staff('1.本年度临港区人大代表、政协委员提案涉及层面均为市级层面，无我区需要协调或办理的情况。'),
      ],
    },
    {
      topic: 'evaluation',
      title: '',
      segments: [
        staff(
          '2.威海临港经济技术开发区管委会网站，在全市2021年四季度检查中，位列威海市门户网站检测结果第一名。',
        ),
      ],
    },
  ],
};
