import { useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { CaseScreen } from '../../../components/CaseScreen'

export default function AidCasePage() {
  return <CaseScreen service="aid" caseId={useRouter().params.caseId ?? ''} cases={api.aid} className="aid-case" />
}
