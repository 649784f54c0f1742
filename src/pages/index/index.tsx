import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Grid, Tag } from '@nutui/nutui-react-taro'
import { ConsentsDue } from '../../components/ConsentsDue'
import { MyRequests } from '../../components/MyRequests'
import { PageShell } from '../../components/PageShell'
import { SERVICE_TILES, type ServiceTile } from '../../services'
import { useSession } from '../../stores/session'
import './index.scss'

function open(tile: ServiceTile) {
  if (!tile.url) {
    Taro.showToast({ title: `${tile.title}即将开放`, icon: 'none' })
    return
  }
  if (tile.isTab) Taro.switchTab({ url: tile.url })
  else Taro.navigateTo({ url: tile.url })
}

export default function HomePage() {
  const me = useSession((s) => s.me)
  useShareAppMessage(() => ({ title: '鹿工之家：职工服务一站办', path: '/pages/index/index' }))
  return (
    <PageShell className="home">
      <View className="hero">
        <Text className="hero-title home-hello">{me?.profile ? `${me.profile.name}，您好` : '您好，欢迎来到鹿工之家'}</Text>
        <Text className="hero-sub">鹿城区总工会为您服务</Text>
      </View>
      <View className="section">
        <Grid columns={3} className="service-grid">
          {SERVICE_TILES.map((tile) => (
            <Grid.Item
              key={tile.service}
              className={`service-tile ${tile.url ? 'is-open' : 'is-soon'}`}
              text={
                <View className="tile-body">
                  <Text className="tile-title">{tile.title}</Text>
                  <Text className="tile-hint">{tile.hint}</Text>
                  {!tile.url && (
                    <Tag className="tile-soon" type="default" plain>
                      即将开放
                    </Tag>
                  )}
                </View>
              }
              onClick={() => open(tile)}
            />
          ))}
        </Grid>
      </View>
      <ConsentsDue />
      <MyRequests />
    </PageShell>
  )
}
