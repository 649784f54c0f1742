import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Uploader } from '@nutui/nutui-react-taro'
import { useRef } from 'react'
import type { Service } from '@/types/roles'
import { uploadFile, type Upload } from '../api/files'
import { showError } from '../utils/useSubmit'
import './MaterialUploader.scss'

export interface UploadedMaterial {
  fileId: string
  src: string
}

interface Props {
  service: Service
  /** The checklist item, e.g. `id_card`; also the class the tests find it by. */
  material: string
  title: string
  files: UploadedMaterial[]
  /** How many more files the case may take, across the checklist. */
  room: number
  onChange(files: UploadedMaterial[]): void
}

type Item = { uid?: string | number; url?: string; path?: string; status?: string }

/**
 * One item of a materials checklist: NutUI's Uploader, taking photos compressed on the phone and
 * uploading each at once; what the server kept (its file id) is what the form remembers.
 */
export function MaterialUploader({ service, material, title, files, room, onChange }: Props) {
  const uploaded = useRef(new Map<string, Upload>())
  const initial = files.map((f) => ({ uid: f.fileId, url: f.src, path: f.src, status: 'success' as const, type: 'image' as const, name: title }))

  async function upload(file: { tempFilePath?: string; path?: string }) {
    const path = file.tempFilePath ?? file.path ?? ''
    try {
      const result = await uploadFile(path, service)
      uploaded.current.set(path, result)
      return { url: result.src }
    } catch (error) {
      showError(error)
      throw error
    }
  }

  function changed(items: Item[]) {
    const kept = items.flatMap((item) => {
      if (item.status !== 'success') return []
      const fileId = typeof item.uid === 'string' ? item.uid : uploaded.current.get(item.path ?? '')?.fileId
      return fileId ? [{ fileId, src: item.url ?? '' }] : []
    })
    onChange(kept)
  }

  return (
    <View className={`material material-${material}`}>
      <View className="row">
        <Text className="material-title">{title}</Text>
        <Text className={files.length ? 'material-count done' : 'material-count'}>{files.length ? `已上传${files.length}份` : '未上传'}</Text>
      </View>
      <Uploader
        defaultValue={initial}
        maxCount={files.length + Math.max(room, 0)}
        maxFileSize={10 * 1024 * 1024}
        sizeType={['compressed']}
        mediaType={['image']}
        accept="image/jpeg,image/png,application/pdf"
        upload={upload as never}
        onChange={changed as never}
        onOversize={() => Taro.showToast({ title: '文件不能超过10MB', icon: 'none' })}
        uploadLabel="拍照/选图"
      />
    </View>
  )
}
