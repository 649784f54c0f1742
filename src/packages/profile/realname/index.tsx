import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Form, Input, Radio } from '@nutui/nutui-react-taro'
import { useRef, useState } from 'react'
import { ProfileInput } from '@/domain/identity/profile'
import { api } from '../../../api'
import { ConsentLine } from '../../../components/ConsentLine'
import { PageShell } from '../../../components/PageShell'
import { versionInForce } from '../../../stores/policies'
import { useSession } from '../../../stores/session'
import { rulesFrom, type ServerFieldErrors } from '../../../utils/formRules'
import { useSubmit } from '../../../utils/useSubmit'

interface ProfileForm {
  name: string
  mobile: string
  idNumber: string
  employer: string
  unionMember: 'yes' | 'no'
}

export default function RealNamePage() {
  const [form] = Form.useForm()
  const setMe = useSession((s) => s.setMe)
  const me = useSession((s) => s.me)
  const server = useRef<ServerFieldErrors>({ errors: {}, values: {} })
  const rules = rulesFrom(ProfileInput, server)
  const { submit, busy, fieldErrors, setFieldErrors } = useSubmit()
  const [agreed, setAgreed] = useState(false)

  async function onFinish(values: ProfileForm) {
    const payload = { ...values, unionMember: values.unionMember === 'yes' }
    server.current = { errors: {}, values: {} }
    if (!agreed) {
      setFieldErrors({ version: '请阅读并同意《实名信息收集说明》' })
      return
    }
    const saved = await submit(async (requestId) => {
      try {
        // The separate consent to the version in force is recorded before the data it covers is sent.
        await api.users.consent({ policy: 'realname', version: await versionInForce('realname') })
        return await api.users.updateProfile(payload, { requestId })
      } catch (error) {
        const fields = (error as { fields?: Record<string, string> }).fields
        if (fields) {
          server.current = { errors: fields, values: values as unknown as Record<string, unknown> }
          form.validateFields(Object.keys(fields)).catch(() => undefined)
        }
        throw error
      }
    })
    if (!saved) return
    setMe(saved)
    Taro.showToast({ title: '实名信息已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 800)
  }

  return (
    <PageShell className="realname">
      <Text className="note">
        实名信息用于办理工会服务。身份证号和手机号加密保存，列表中只显示部分号码。
      </Text>
      <Form
        form={form}
        className="realname-form"
        labelPosition="top"
        initialValues={{ name: me?.profile?.name ?? '', employer: me?.profile?.employer ?? '', unionMember: me?.profile?.unionMember === false ? 'no' : 'yes' }}
        onFinish={onFinish}
        footer={
          <View className="actions realname-footer">
            <ConsentLine policy="realname" className="realname-consent" checked={agreed} onChange={setAgreed} error={fieldErrors.version}>
              我同意工会为办理需要实名的服务收集我的姓名、手机号、身份证号和工作单位
            </ConsentLine>
            <Button type="primary" block loading={busy} className="realname-submit" onClick={() => form.submit()}>
              保存
            </Button>
          </View>
        }
      >
        <Form.Item label="姓名" name="name" rules={rules('name')} className="field-name">
          <Input placeholder="与身份证一致" maxLength={20} />
        </Form.Item>
        <Form.Item label="手机号" name="mobile" rules={rules('mobile')} className="field-mobile">
          <Input placeholder="11位手机号" type="number" maxLength={11} />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" rules={rules('idNumber')} className="field-idNumber">
          <Input placeholder="18位身份证号" type="idcard" maxLength={18} />
        </Form.Item>
        <Form.Item label="工作单位" name="employer" rules={rules('employer')} className="field-employer">
          <Input placeholder="单位全称" maxLength={60} />
        </Form.Item>
        <Form.Item label="是否工会会员" name="unionMember" className="field-unionMember">
          <Radio.Group direction="horizontal">
            <Radio value="yes">是</Radio>
            <Radio value="no">否</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </PageShell>
  )
}
