// Every sentence the pure explorer layer shows, in Korean and English. The editor glue
// picks one with `pick(text, lang, args)`; `{name}` placeholders are filled there.
import type { Localized } from '../util/i18n';

const t = (ko: string, en: string): Localized => ({ ko, en });

export const TEXT = {
  group: {
    containers: t('컨테이너', 'Containers'),
    images: t('이미지', 'Images'),
    networks: t('네트워크', 'Networks'),
    volumes: t('볼륨', 'Volumes'),
  },
  groupTooltip: {
    containers: t(
      '이미지로 만든 실행 단위입니다. `docker ps -a`가 보여 주는 목록과 같습니다. 실행 중인 컨테이너가 먼저 나옵니다.',
      'Running instances made from images: the same list as `docker ps -a`. Running containers come first.',
    ),
    images: t(
      '컨테이너를 만드는 읽기 전용 템플릿입니다. `docker images`와 같습니다. 펼치면 레이어(`docker history`)가 보입니다.',
      'Read-only templates that containers are made from: the same list as `docker images`. Expand one to see its layers (`docker history`).',
    ),
    networks: t(
      '같은 사용자 정의 네트워크에 있는 컨테이너는 서로 이름으로 통신할 수 있습니다. `docker network ls`와 같습니다.',
      'Containers on the same user-defined network reach each other by name. The same list as `docker network ls`.',
    ),
    volumes: t(
      '컨테이너가 삭제되어도 남는 데이터 저장소입니다. `docker volume ls`와 같습니다.',
      'Data that outlives containers: the same list as `docker volume ls`.',
    ),
  },
  count: {
    containers: t('{total}개 · 실행 중 {running}개', '{total} · {running} running'),
    images: t('{total}개', '{total}'),
    imagesWithHidden: t('{total}개 · 태그 없는 이미지 {hidden}개 숨김', '{total} · {hidden} dangling hidden'),
    networks: t('{total}개', '{total}'),
    volumes: t('{total}개', '{total}'),
  },
  empty: {
    containers: t('컨테이너가 없습니다. 이미지에서 ▷ 실행을 눌러 보세요 (`docker run`).', 'No containers. Run one from an image with ▷ (`docker run`).'),
    images: t('이미지가 없습니다. 위의 ↓ 버튼으로 받아 보세요 (`docker pull`).', 'No images. Pull one with ↓ above (`docker pull`).'),
    networks: t('네트워크가 없습니다.', 'No networks.'),
    volumes: t('볼륨이 없습니다. + 버튼으로 만들어 보세요 (`docker volume create`).', 'No volumes. Create one with + (`docker volume create`).'),
    layers: t('레이어 정보가 없습니다.', 'No layer information.'),
  },
  loading: t('불러오는 중…', 'Loading…'),
  filter: {
    description: t('필터: {filter}', 'Filter: {filter}'),
    labOnly: t('이 실습만', 'this lab only'),
    noLab: t('이 실습만 (열린 실습 없음)', 'this lab only (no lab is open)'),
    noMatch: t('필터에 맞는 항목이 없습니다. 제목 표시줄의 ✕로 필터를 지우세요.', 'Nothing matches the filter. Clear it with ✕ in the title bar.'),
    noLab_hint: t('열린 실습이 없어 "이 실습만"은 적용되지 않습니다. 실습을 열면 그 실습의 항목만 보입니다.', 'No lab is open, so "this lab only" does not apply. Open a lab to see only its objects.'),
  },
  state: {
    running: t('실행 중', 'running'),
    exited: t('종료됨', 'exited'),
    paused: t('일시 정지됨', 'paused'),
    created: t('생성됨', 'created'),
    restarting: t('재시작 중', 'restarting'),
    dead: t('죽음(dead)', 'dead'),
    removing: t('삭제 중', 'removing'),
  } as Record<string, Localized>,
  container: {
    tooltipTitle: t('컨테이너 **{name}**', 'Container **{name}**'),
    image: t('이미지', 'Image'),
    state: t('상태', 'State'),
    id: t('ID', 'ID'),
    command: t('명령', 'Command'),
    created: t('생성', 'Created'),
    ports: t('공개 포트', 'Published ports'),
    networks: t('네트워크', 'Networks'),
    tryIt: t('터미널에서 해 보기', 'Try it in a terminal'),
  },
  port: {
    label: t('{host} → {container}/{protocol}', '{host} → {container}/{protocol}'),
    description: t('http://localhost:{host} 열기', 'open http://localhost:{host}'),
    tooltip: t(
      '호스트의 {host}번 포트가 컨테이너의 {container}번 포트로 연결됩니다 (`-p {host}:{container}`). 클릭하면 브라우저에서 엽니다.',
      'Host port {host} forwards to container port {container} (`-p {host}:{container}`). Click to open it in the browser.',
    ),
    udp: t('UDP 포트는 브라우저로 열 수 없습니다.', 'UDP ports cannot be opened in a browser.'),
  },
  containerNetwork: {
    description: t('네트워크 · {ip}', 'network · {ip}'),
    noIp: t('네트워크 · IP 없음 (정지됨)', 'network · no IP (not running)'),
  },
  mount: {
    volume: t('볼륨 {name} → {destination}', 'volume {name} → {destination}'),
    bind: t('바인드 {source} → {destination}', 'bind {source} → {destination}'),
    other: t('{type} → {destination}', '{type} → {destination}'),
    readOnly: t('읽기 전용', 'read-only'),
  },
  image: {
    tooltipTitle: t('이미지 **{name}**', 'Image **{name}**'),
    dangling: t('태그 없음 (dangling)', 'untagged (dangling)'),
    danglingTooltip: t(
      '태그가 없는 이미지입니다. 같은 이름으로 새로 빌드하거나 받으면 이전 이미지가 이렇게 남습니다. `docker image prune`으로 정리합니다.',
      'An image without a tag: rebuilding or re-pulling the same name leaves the old one like this. `docker image prune` removes them.',
    ),
    size: t('크기', 'Size'),
    created: t('생성', 'Created'),
    tags: t('태그', 'Tags'),
    digest: t('다이제스트', 'Digest'),
    usedBy: t('사용 중인 컨테이너 {count}개', 'used by {count} container(s)'),
    usedByTooltip: t(
      '이 이미지를 쓰는 컨테이너가 있으면 `docker rmi`가 거부됩니다. 먼저 컨테이너를 삭제하세요.',
      'While containers use this image, `docker rmi` refuses to remove it: remove the containers first.',
    ),
    layersHint: t('펼치면 레이어가 Dockerfile 순서(위에서 아래)로 보입니다. `docker history`는 최신 레이어부터 보여 줍니다.', 'Expand to see its layers in Dockerfile order (top to bottom); `docker history` lists the newest first.'),
  },
  layer: {
    tooltip: t(
      '레이어 {index}: Dockerfile의 명령 하나가 레이어 하나를 만듭니다. 크기가 0B인 레이어는 메타데이터만 바꿉니다.',
      'Layer {index}: each Dockerfile instruction makes one layer. A 0B layer only changes metadata.',
    ),
    metadata: t('메타데이터', 'metadata'),
  },
  network: {
    tooltipTitle: t('네트워크 **{name}**', 'Network **{name}**'),
    builtin: t('기본 제공', 'built-in'),
    driver: t('드라이버', 'Driver'),
    subnet: t('서브넷', 'Subnet'),
    gateway: t('게이트웨이', 'Gateway'),
    members: t('연결된 컨테이너 {count}개', '{count} container(s) connected'),
    byName: t(
      '이 네트워크의 컨테이너끼리는 이름으로 통신합니다: `docker exec {a} ping {b}`.',
      'Containers on this network reach each other by name: `docker exec {a} ping {b}`.',
    ),
    byNameGeneric: t(
      '사용자 정의 네트워크에서는 컨테이너끼리 이름으로 통신합니다 (`ping 컨테이너이름`).',
      'On a user-defined network, containers reach each other by name (`ping container-name`).',
    ),
    defaultBridge: t(
      '기본 `bridge` 네트워크에서는 이름으로 찾을 수 없고 IP로만 통신합니다. 이름으로 통신하려면 `docker network create`로 네트워크를 만드세요.',
      'On the default `bridge` network containers only reach each other by IP, not by name: create a network with `docker network create` for that.',
    ),
    host: t('`host` 네트워크의 컨테이너는 호스트의 네트워크를 그대로 씁니다 (포트 연결 불필요).', 'Containers on `host` share the host\'s network stack (no port publishing needed).'),
    none: t('`none` 네트워크의 컨테이너는 네트워크가 없습니다.', 'Containers on `none` have no network at all.'),
    memberDescription: t('{ip}', '{ip}'),
    memberNoIp: t('IP 없음', 'no IP'),
  },
  volume: {
    tooltipTitle: t('볼륨 **{name}**', 'Volume **{name}**'),
    anonymous: t('익명', 'anonymous'),
    unused: t('사용 안 함', 'unused'),
    usedBy: t('컨테이너 {count}개가 사용', 'used by {count}'),
    driver: t('드라이버', 'Driver'),
    mountpoint: t('호스트 경로', 'Mountpoint'),
    userDescription: t('{destination}에 연결', 'at {destination}'),
    keep: t('볼륨의 데이터는 컨테이너를 삭제해도 남습니다.', 'A volume keeps its data when containers are removed.'),
  },
  compose: {
    projectDescription: t('Compose 프로젝트 · 서비스 {services}개 · 실행 중 {running}/{total}', 'Compose project · {services} services · {running}/{total} running'),
    projectTooltip: t(
      '`docker compose`(또는 `docker-compose`)로 만든 프로젝트 **{name}**입니다. 컨테이너에 붙은 `com.docker.compose.project` 레이블로 묶었습니다.',
      'Project **{name}**, made with `docker compose` (or `docker-compose`): grouped by the `com.docker.compose.project` label on its containers.',
    ),
    workingDir: t('작업 폴더', 'Working directory'),
    configFiles: t('Compose 파일', 'Compose files'),
    projectTryIt: t('마우스 오른쪽 버튼으로 up, down, restart, stop, logs를 실행할 수 있습니다. 실행하는 명령은 출력 창에 보입니다.', 'Right-click for up, down, restart, stop and logs; each prints the command it runs in the output channel.'),
    serviceDescription: t('서비스 · 실행 중 {running}/{total}', 'service · {running}/{total} running'),
    serviceTooltip: t(
      '프로젝트 {project}의 서비스 **{name}**입니다. 서비스 하나가 같은 설정의 컨테이너(복제본) 여러 개일 수 있습니다.',
      'Service **{name}** of project {project}: one service may run several containers (replicas) of the same configuration.',
    ),
  },
  charts: {
    size: t('크기', 'size'),
    total: t('이미지 크기 합계', 'Total image size'),
    shared: t('공유', 'shared'),
  },
  diagram: {
    aliases: t('별칭', 'aliases'),
    emptyNetwork: t('연결된 컨테이너 없음', 'no containers'),
  },
  problem: {
    label: t('Docker에 연결할 수 없습니다: {endpoint}', 'Cannot reach Docker at {endpoint}'),
    retry: t('다시 시도', 'Retry'),
    retryTooltip: t('데몬에 다시 연결합니다. 데몬이 돌아오면 몇 초 안에 자동으로도 복구됩니다.', 'Connect to the daemon again. The view also recovers by itself within seconds once the daemon is back.'),
    groupFailed: t('목록을 가져오지 못했습니다: {cause}', 'Could not list: {cause}'),
  },
} as const;
