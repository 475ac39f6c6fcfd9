/**
 * 网站信息（全平台）: the whole portal's identity as a government website (issue 13) — its name, the
 * footer's 主办单位, 承办单位, 联系我们, 网站标识码, 备案号, the 党政机关网站 mark and the icon. Each
 * agency's own settings (机关设置) take precedence on its pages. Platform administrators only.
 */
import { Typography } from 'antd';
import { siteApi } from '../api/site.ts';
import { SiteSettingsCard } from '../components/SiteSettingsCard.tsx';

export default function PlatformSitePage() {
  return (
    <>
      <Typography.Title level={2}>网站信息（全平台）</Typography.Title>
      <SiteSettingsCard
        title="门户网站信息"
        intro="公众门户每个页面的标题、页面标签和页脚据此显示。机关在“机关设置”中填写了的项目，在该机关的页面上以机关的为准。"
        load={siteApi.installation}
        save={siteApi.setInstallation}
        upload={siteApi.uploadInstallationImage}
        deps={[]}
      />
    </>
  );
}
