/** The yearly figures of table 二 (五)(六)(八): entered by staff or imported from XLSX. */
import { Alert, Typography } from 'antd';
import { useParams } from 'react-router-dom';

export default function YearlyFiguresPage() {
  const year = Number(useParams().year);
  return (
    <>
      <Typography.Title level={2}>{year} 年行政管理数据</Typography.Title>
      <Alert type="info" showIcon title="年度数据的录入接口尚未提供。" />
    </>
  );
}
