import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { pageUrl } from '@/types/services'
import { api, auth } from '../../../api'
import { MyCases } from '../../../components/CaseParts'
import { PageShell } from '../../../components/PageShell'
import { useLoad } from '../../../utils/useLoad'

/** What the union's lawyers do, for whom, free — and the way to ask. */
export default function LegalHomePage() {
  const mine = useLoad(() => api.legal.mine({}), { onShow: true, when: auth.signedIn })
  return (
    <PageShell className="legal-home">
      <View className="section legal-intro">
        <Text className="section-title">工会律师免费帮您维权</Text>
        <Text className="intro-line">被拖欠工资、受了工伤、被辞退没有补偿、单位不交社保……鹿城区总工会的法援律师团可以帮您：</Text>
        <Text className="intro-line">· 免费法律咨询，告诉您该怎么办、要准备什么证据</Text>
        <Text className="intro-line">· 到工会调解室和单位面对面调解</Text>
        <Text className="intro-line">· 需要时代写仲裁申请、代理仲裁和诉讼</Text>
        <Text className="intro-line muted">面向在鹿城工作的职工，外来务工人员同样可以申请。欠薪、工伤案件的外来务工人员不用核对家庭经济状况。</Text>
        <Text className="intro-line muted">提交后1个工作日内受理，7个工作日内答复是否提供援助；急事可拨打12348公共法律服务热线。</Text>
        <View className="actions">
          <Button type="primary" block className="ask-for-help" onClick={() => Taro.navigateTo({ url: pageUrl('legal', 'ask') })}>
            我要求助
          </Button>
        </View>
      </View>
      <MyCases title="我的求助" load={mine} empty="还没有求助记录" className="my-legal-cases" itemClass="legal-case-item" url={(caseId) => pageUrl('legal', 'case', { caseId })} />
    </PageShell>
  )
}
