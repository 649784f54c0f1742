/** The `cloudbase` jest project: every harness in it runs on the CloudBase driver over the stand-in. */
process.env.LUGONG_TEST_DRIVER = 'cloudbase'
