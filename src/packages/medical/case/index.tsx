import { useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { CaseScreen } from '../../../components/CaseScreen'

export default function MedicalCasePage() {
  return <CaseScreen service="medical" caseId={useRouter().params.caseId ?? ''} cases={api.medical} className="medical-case" />
}
