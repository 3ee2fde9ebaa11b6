var ie=globalThis,re=ie.ShadowRoot&&(ie.ShadyCSS===void 0||ie.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ke=Symbol(),Le=new WeakMap,q=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==ke)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(re&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=Le.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&Le.set(t,e))}return e}toString(){return this.cssText}},Ve=s=>new q(typeof s=="string"?s:s+"",void 0,ke),xe=(s,...e)=>{let t=s.length===1?s[0]:e.reduce((n,i,r)=>n+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+s[r+1],s[0]);return new q(t,s,ke)},qe=(s,e)=>{if(re)s.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let n=document.createElement("style"),i=ie.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=t.cssText,s.appendChild(n)}},Ae=re?s=>s:s=>s instanceof CSSStyleSheet?(e=>{let t="";for(let n of e.cssRules)t+=n.cssText;return Ve(t)})(s):s;var{is:Pt,defineProperty:jt,getOwnPropertyDescriptor:Ht,getOwnPropertyNames:Dt,getOwnPropertySymbols:Ut,getPrototypeOf:Nt}=Object,ae=globalThis,Ke=ae.trustedTypes,Ot=Ke?Ke.emptyScript:"",It=ae.reactiveElementPolyfillSupport,K=(s,e)=>s,Se={toAttribute(s,e){switch(e){case Boolean:s=s?Ot:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,e){let t=s;switch(e){case Boolean:t=s!==null;break;case Number:t=s===null?null:Number(s);break;case Object:case Array:try{t=JSON.parse(s)}catch{t=null}}return t}},Fe=(s,e)=>!Pt(s,e),Ge={attribute:!0,type:String,converter:Se,reflect:!1,useDefault:!1,hasChanged:Fe};Symbol.metadata??=Symbol("metadata"),ae.litPropertyMetadata??=new WeakMap;var z=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ge){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),i=this.getPropertyDescriptor(e,n,t);i!==void 0&&jt(this.prototype,e,i)}}static getPropertyDescriptor(e,t,n){let{get:i,set:r}=Ht(this.prototype,e)??{get(){return this[t]},set(a){this[t]=a}};return{get:i,set(a){let o=i?.call(this);r?.call(this,a),this.requestUpdate(e,o,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ge}static _$Ei(){if(this.hasOwnProperty(K("elementProperties")))return;let e=Nt(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(K("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(K("properties"))){let t=this.properties,n=[...Dt(t),...Ut(t)];for(let i of n)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[n,i]of t)this.elementProperties.set(n,i)}this._$Eh=new Map;for(let[t,n]of this.elementProperties){let i=this._$Eu(t,n);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let i of n)t.unshift(Ae(i))}else e!==void 0&&t.push(Ae(e));return t}static _$Eu(e,t){let n=t.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return qe(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){let r=(n.converter?.toAttribute!==void 0?n.converter:Se).toAttribute(t,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,t){let n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let r=n.getPropertyOptions(i),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:Se;this._$Em=i;let o=a.fromAttribute(t,r.type);this[i]=o??this._$Ej?.get(i)??o,this._$Em=null}}requestUpdate(e,t,n,i=!1,r){if(e!==void 0){let a=this.constructor;if(i===!1&&(r=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??Fe)(r,t)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:i,wrapped:r},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}let n=this.constructor.elementProperties;if(n.size>0)for(let[i,r]of n){let{wrapped:a}=r,o=this[i];a!==!0||this._$AL.has(i)||o===void 0||this.C(i,void 0,r,o)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(t)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};z.elementStyles=[],z.shadowRootOptions={mode:"open"},z[K("elementProperties")]=new Map,z[K("finalized")]=new Map,It?.({ReactiveElement:z}),(ae.reactiveElementVersions??=[]).push("2.1.2");var Ee=globalThis,Ze=s=>s,oe=Ee.trustedTypes,Qe=oe?oe.createPolicy("lit-html",{createHTML:s=>s}):void 0,Ce="$lit$",M=`lit$${Math.random().toFixed(9).slice(2)}$`,ze="?"+M,Wt=`<${ze}>`,D=document,F=()=>D.createComment(""),Z=s=>s===null||typeof s!="object"&&typeof s!="function",Me=Array.isArray,nt=s=>Me(s)||typeof s?.[Symbol.iterator]=="function",Te=`[ 	
\f\r]`,G=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ye=/-->/g,Je=/>/g,j=RegExp(`>|${Te}(?:([^\\s"'>=/]+)(${Te}*=${Te}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Xe=/'/g,et=/"/g,st=/^(?:script|style|textarea|title)$/i,Re=s=>(e,...t)=>({_$litType$:s,strings:e,values:t}),f=Re(1),k=Re(2),Ln=Re(3),R=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),tt=new WeakMap,H=D.createTreeWalker(D,129);function it(s,e){if(!Me(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return Qe!==void 0?Qe.createHTML(e):e}var rt=(s,e)=>{let t=s.length-1,n=[],i,r=e===2?"<svg>":e===3?"<math>":"",a=G;for(let o=0;o<t;o++){let d=s[o],c,g,l=-1,h=0;for(;h<d.length&&(a.lastIndex=h,g=a.exec(d),g!==null);)h=a.lastIndex,a===G?g[1]==="!--"?a=Ye:g[1]!==void 0?a=Je:g[2]!==void 0?(st.test(g[2])&&(i=RegExp("</"+g[2],"g")),a=j):g[3]!==void 0&&(a=j):a===j?g[0]===">"?(a=i??G,l=-1):g[1]===void 0?l=-2:(l=a.lastIndex-g[2].length,c=g[1],a=g[3]===void 0?j:g[3]==='"'?et:Xe):a===et||a===Xe?a=j:a===Ye||a===Je?a=G:(a=j,i=void 0);let p=a===j&&s[o+1].startsWith("/>")?" ":"";r+=a===G?d+Wt:l>=0?(n.push(c),d.slice(0,l)+Ce+d.slice(l)+M+p):d+M+(l===-2?o:p)}return[it(s,r+(s[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]},Q=class s{constructor({strings:e,_$litType$:t},n){let i;this.parts=[];let r=0,a=0,o=e.length-1,d=this.parts,[c,g]=rt(e,t);if(this.el=s.createElement(c,n),H.currentNode=this.el.content,t===2||t===3){let l=this.el.content.firstChild;l.replaceWith(...l.childNodes)}for(;(i=H.nextNode())!==null&&d.length<o;){if(i.nodeType===1){if(i.hasAttributes())for(let l of i.getAttributeNames())if(l.endsWith(Ce)){let h=g[a++],p=i.getAttribute(l).split(M),y=/([.?@])?(.*)/.exec(h);d.push({type:1,index:r,name:y[2],strings:p,ctor:y[1]==="."?le:y[1]==="?"?ce:y[1]==="@"?ue:N}),i.removeAttribute(l)}else l.startsWith(M)&&(d.push({type:6,index:r}),i.removeAttribute(l));if(st.test(i.tagName)){let l=i.textContent.split(M),h=l.length-1;if(h>0){i.textContent=oe?oe.emptyScript:"";for(let p=0;p<h;p++)i.append(l[p],F()),H.nextNode(),d.push({type:2,index:++r});i.append(l[h],F())}}}else if(i.nodeType===8)if(i.data===ze)d.push({type:2,index:r});else{let l=-1;for(;(l=i.data.indexOf(M,l+1))!==-1;)d.push({type:7,index:r}),l+=M.length-1}r++}}static createElement(e,t){let n=D.createElement("template");return n.innerHTML=e,n}};function U(s,e,t=s,n){if(e===R)return e;let i=n!==void 0?t._$Co?.[n]:t._$Cl,r=Z(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(s),i._$AT(s,t,n)),n!==void 0?(t._$Co??=[])[n]=i:t._$Cl=i),i!==void 0&&(e=U(s,i._$AS(s,e.values),i,n)),e}var de=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,i=(e?.creationScope??D).importNode(t,!0);H.currentNode=i;let r=H.nextNode(),a=0,o=0,d=n[0];for(;d!==void 0;){if(a===d.index){let c;d.type===2?c=new I(r,r.nextSibling,this,e):d.type===1?c=new d.ctor(r,d.name,d.strings,this,e):d.type===6&&(c=new he(r,this,e)),this._$AV.push(c),d=n[++o]}a!==d?.index&&(r=H.nextNode(),a++)}return H.currentNode=D,i}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,t),t+=n.strings.length-2):n._$AI(e[t])),t++}},I=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,i){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=U(this,e,t),Z(e)?e===u||e==null||e===""?(this._$AH!==u&&this._$AR(),this._$AH=u):e!==this._$AH&&e!==R&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):nt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==u&&Z(this._$AH)?this._$AA.nextSibling.data=e:this.T(D.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=Q.createElement(it(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(t);else{let r=new de(i,this),a=r.u(this.options);r.p(t),this.T(a),this._$AH=r}}_$AC(e){let t=tt.get(e.strings);return t===void 0&&tt.set(e.strings,t=new Q(e)),t}k(e){Me(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,n,i=0;for(let r of e)i===t.length?t.push(n=new s(this.O(F()),this.O(F()),this,this.options)):n=t[i],n._$AI(r),i++;i<t.length&&(this._$AR(n&&n._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let n=Ze(e).nextSibling;Ze(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},N=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,i,r){this.type=1,this._$AH=u,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=u}_$AI(e,t=this,n,i){let r=this.strings,a=!1;if(r===void 0)e=U(this,e,t,0),a=!Z(e)||e!==this._$AH&&e!==R,a&&(this._$AH=e);else{let o=e,d,c;for(e=r[0],d=0;d<r.length-1;d++)c=U(this,o[n+d],t,d),c===R&&(c=this._$AH[d]),a||=!Z(c)||c!==this._$AH[d],c===u?e=u:e!==u&&(e+=(c??"")+r[d+1]),this._$AH[d]=c}a&&!i&&this.j(e)}j(e){e===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},le=class extends N{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===u?void 0:e}},ce=class extends N{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==u)}},ue=class extends N{constructor(e,t,n,i,r){super(e,t,n,i,r),this.type=5}_$AI(e,t=this){if((e=U(this,e,t,0)??u)===R)return;let n=this._$AH,i=e===u&&n!==u||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==u&&(n===u||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},he=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){U(this,e)}},at={M:Ce,P:M,A:ze,C:1,L:rt,R:de,D:nt,V:U,I,H:N,N:ce,U:ue,B:le,F:he},Bt=Ee.litHtmlPolyfillSupport;Bt?.(Q,I),(Ee.litHtmlVersions??=[]).push("3.3.3");var ot=(s,e,t)=>{let n=t?.renderBefore??e,i=n._$litPart$;if(i===void 0){let r=t?.renderBefore??null;n._$litPart$=i=new I(e.insertBefore(F(),r),r,void 0,t??{})}return i._$AI(s),i};var Pe=globalThis,T=class extends z{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=ot(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return R}};T._$litElement$=!0,T.finalized=!0,Pe.litElementHydrateSupport?.({LitElement:T});var Lt=Pe.litElementPolyfillSupport;Lt?.({LitElement:T});(Pe.litElementVersions??=[]).push("4.2.2");var dt={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},lt=s=>(...e)=>({_$litDirective$:s,values:e}),ge=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:Vt}=at,ct=s=>s;var ut=()=>document.createComment(""),W=(s,e,t)=>{let n=s._$AA.parentNode,i=e===void 0?s._$AB:e._$AA;if(t===void 0){let r=n.insertBefore(ut(),i),a=n.insertBefore(ut(),i);t=new Vt(r,a,s,s.options)}else{let r=t._$AB.nextSibling,a=t._$AM,o=a!==s;if(o){let d;t._$AQ?.(s),t._$AM=s,t._$AP!==void 0&&(d=s._$AU)!==a._$AU&&t._$AP(d)}if(r!==i||o){let d=t._$AA;for(;d!==r;){let c=ct(d).nextSibling;ct(n).insertBefore(d,i),d=c}}}return t},P=(s,e,t=s)=>(s._$AI(e,t),s),qt={},ht=(s,e=qt)=>s._$AH=e,gt=s=>s._$AH,pe=s=>{s._$AR(),s._$AA.remove()};var pt=(s,e,t)=>{let n=new Map;for(let i=e;i<=t;i++)n.set(s[i],i);return n},je=lt(class extends ge{constructor(s){if(super(s),s.type!==dt.CHILD)throw Error("repeat() can only be used in text expressions")}dt(s,e,t){let n;t===void 0?t=e:e!==void 0&&(n=e);let i=[],r=[],a=0;for(let o of s)i[a]=n?n(o,a):a,r[a]=t(o,a),a++;return{values:r,keys:i}}render(s,e,t){return this.dt(s,e,t).values}update(s,[e,t,n]){let i=gt(s),{values:r,keys:a}=this.dt(e,t,n);if(!Array.isArray(i))return this.ut=a,r;let o=this.ut??=[],d=[],c,g,l=0,h=i.length-1,p=0,y=r.length-1;for(;l<=h&&p<=y;)if(i[l]===null)l++;else if(i[h]===null)h--;else if(o[l]===a[p])d[p]=P(i[l],r[p]),l++,p++;else if(o[h]===a[y])d[y]=P(i[h],r[y]),h--,y--;else if(o[l]===a[y])d[y]=P(i[l],r[y]),W(s,d[y+1],i[l]),l++,y--;else if(o[h]===a[p])d[p]=P(i[h],r[p]),W(s,i[l],i[h]),h--,p++;else if(c===void 0&&(c=pt(a,p,y),g=pt(o,l,h)),c.has(o[l]))if(c.has(o[h])){let _=g.get(a[p]),b=_!==void 0?i[_]:null;if(b===null){let x=W(s,i[l]);P(x,r[p]),d[p]=x}else d[p]=P(b,r[p]),W(s,i[l],b),i[_]=null;p++}else pe(i[h]),h--;else pe(i[l]),l++;for(;p<=y;){let _=W(s,d[y+1]);P(_,r[p]),d[p++]=_}for(;l<=h;){let _=i[l++];_!==null&&pe(_)}return this.ut=a,ht(s,d),R}});var Kt=/^[A-Za-z0-9_][A-Za-z0-9_ .:/+-]*$/,Gt=/^(true|false|yes|no|on|off|null|~|[0-9.:+-]+)$/i;function He(s){if(s==null)return"null";if(typeof s=="number"||typeof s=="boolean")return String(s);let e=String(s);return Kt.test(e)&&!Gt.test(e)&&!e.endsWith(" ")&&!e.includes(": ")?e:JSON.stringify(e)}function De(s,e){return Array.isArray(s)?s.length?s.flatMap(t=>{let n=De(t,e+"  ");return t!==null&&typeof t=="object"&&n.length?[`${e}- ${n[0].trimStart()}`,...n.slice(1)]:[`${e}- ${He(t)}`]}):[]:s!==null&&typeof s=="object"?Object.entries(s).flatMap(([t,n])=>(Array.isArray(n)?!n.length:n!==null&&typeof n=="object"&&!Object.keys(n).length)?[`${e}${t}: ${Array.isArray(n)?"[]":"{}"}`]:n!==null&&typeof n=="object"?[`${e}${t}:`,...De(n,e+"  ")]:[`${e}${t}: ${He(n)}`]):[`${e}${He(s)}`]}function ft(s){let{alias:e,description:t,...n}=s;return De(n,"").join(`
`)}var Ue={card_name:"AI Automation",card_description:"Automation suggestions with the evidence behind them: accept, dismiss, run the analysis.",broker:"MQTT broker",bridge:"Zigbee2MQTT",connected:"connected",disconnected:"disconnected",online:"online",offline:"offline",not_seen:"not seen yet",unknown:"unknown",last_analysis:"Last analysis",never:"never",status_success:"success",status_no_data:"no history",status_failed:"failed",status_running:"running",changes_read:"{n} changes read",new_suggestions:"{n} new",run_analysis:"Run analysis",running:"Analysing…",no_run:"No analysis has run yet. Run one now, or wait for the daily run.",short_history:"History since {days} days; habits need at least {min} days. The daily analysis keeps looking.",nothing_found:"No open suggestions. The last analysis read {events} changes and found nothing new.",failed:"The last analysis failed: {error}",not_loaded:"AI Automation is not set up or not running.",load_error:"Could not load the suggestions: {error}",kind_habit:"Habit",kind_sequence:"Sequence",kind_unused_capability:"Unused capability",kind_sun:"Sun",kind_presence:"Presence",kind_group:"Group",kind_override:"Undone automation",sunset:"sunset",sunrise:"sunrise",at_event:"at {event}",after_event:"{min} min after {event}",before_event:"{min} min before {event}",sun_spread:"{relative}, usually within {spread} min of it (by the clock within {clock} min)",backtest_days:"right on {right} of the last {total} days, wrong on {wrong}",backtest_days_near:"right on {right} of the last {total} days, near on {near}, wrong on {wrong}",backtest_times:"right {right} of the last {total} times, wrong {wrong}",right:"right",near:"near",wrong:"wrong",together:"done together {n} times ({share} %)",started_habit:"starts at the usual time",started_sun:"starts with the sun",started_sequence:"starts with the trigger",started_first:"starts when the first one changes",override_picture:"undone on {undone} of the {acted} days it acted",undone:"undone",kept:"kept",someone_home:"only while someone is home",first_arrives:"the first person arrives",last_leaves:"the last person leaves",arrives:"{name} arrives",leaves:"{name} leaves",show_automation:"The automation it creates",no_automation:"A hint: there is no automation to create.",accept:"Accept",dismiss:"Dismiss",snooze:"Snooze",created:"Automation created: {title}",snoozed_notice:"Snoozed for {days} days: {title}",dismissed_notice:"Dismissed: {title}",undo:"Undo",open_editor:"Open in the automation editor",action_failed:"That did not work: {error}",habit_picture:"Times over {days} days, one row per day; suggested {from}–{to}",suggested_time:"suggested time",other_days:"other days",delay_picture:"Delays between trigger and action, {n} times; counted within {window}",seconds_after:"seconds after the trigger",typical:"typically {s} s",capability_picture:"{device}: {capability}, unchanged in use",range:"range",values:"values",unchanged:"never changed while in use",always:"always {value}",kinds:"Kinds of suggestions (none: all)",areas:"Areas (none: all)",max_suggestions:"How many suggestions",show_header:"Show the status header",more:"{n} more open"},Ft={card_name:"AI Automation",card_description:"Automatisierungsvorschläge mit ihren Belegen: annehmen, verwerfen, Analyse starten.",broker:"MQTT-Broker",bridge:"Zigbee2MQTT",connected:"verbunden",disconnected:"getrennt",online:"online",offline:"offline",not_seen:"noch nicht gesehen",unknown:"unbekannt",last_analysis:"Letzte Analyse",never:"noch nie",status_success:"erfolgreich",status_no_data:"kein Verlauf",status_failed:"fehlgeschlagen",status_running:"läuft",changes_read:"{n} Änderungen gelesen",new_suggestions:"{n} neu",run_analysis:"Analyse starten",running:"Analysiere …",no_run:"Es lief noch keine Analyse. Starte jetzt eine oder warte auf die tägliche.",short_history:"Verlauf seit {days} Tagen; Gewohnheiten brauchen mindestens {min} Tage. Die tägliche Analyse sucht weiter.",nothing_found:"Keine offenen Vorschläge. Die letzte Analyse hat {events} Änderungen gelesen und nichts Neues gefunden.",failed:"Die letzte Analyse ist fehlgeschlagen: {error}",not_loaded:"AI Automation ist nicht eingerichtet oder läuft nicht.",load_error:"Die Vorschläge konnten nicht geladen werden: {error}",kind_habit:"Gewohnheit",kind_sequence:"Abfolge",kind_unused_capability:"Ungenutzte Funktion",kind_sun:"Sonne",kind_presence:"Anwesenheit",kind_group:"Gruppe",kind_override:"Rückgängig gemachte Automatisierung",sunset:"Sonnenuntergang",sunrise:"Sonnenaufgang",at_event:"bei {event}",after_event:"{min} min nach {event}",before_event:"{min} min vor {event}",sun_spread:"{relative}, meist auf {spread} min genau (nach der Uhr auf {clock} min)",backtest_days:"an {right} der letzten {total} Tage richtig, an {wrong} falsch",backtest_days_near:"an {right} der letzten {total} Tage richtig, an {near} knapp, an {wrong} falsch",backtest_times:"{right} der letzten {total} Male richtig, {wrong} falsch",right:"richtig",near:"knapp",wrong:"falsch",together:"{n}-mal zusammen ({share} %)",started_habit:"beginnt zur üblichen Zeit",started_sun:"beginnt mit der Sonne",started_sequence:"beginnt mit dem Auslöser",started_first:"beginnt, wenn sich das Erste ändert",override_picture:"an {undone} der {acted} Tage rückgängig gemacht, an denen sie lief",undone:"rückgängig",kept:"behalten",someone_home:"nur wenn jemand zu Hause ist",first_arrives:"die erste Person kommt nach Hause",last_leaves:"die letzte Person geht",arrives:"{name} kommt nach Hause",leaves:"{name} geht",show_automation:"Die Automatisierung, die entsteht",no_automation:"Ein Hinweis: Es gibt keine Automatisierung zu erstellen.",accept:"Annehmen",dismiss:"Verwerfen",snooze:"Später",created:"Automatisierung erstellt: {title}",snoozed_notice:"Für {days} Tage zurückgestellt: {title}",dismissed_notice:"Verworfen: {title}",undo:"Rückgängig",open_editor:"Im Automatisierungseditor öffnen",action_failed:"Das hat nicht geklappt: {error}",habit_picture:"Zeiten über {days} Tage, eine Zeile pro Tag; vorgeschlagen {from}–{to}",suggested_time:"vorgeschlagene Zeit",other_days:"andere Tage",delay_picture:"Verzögerung zwischen Auslöser und Aktion, {n}-mal; gezählt innerhalb von {window}",seconds_after:"Sekunden nach dem Auslöser",typical:"meist {s} s",capability_picture:"{device}: {capability}, im Betrieb unverändert",range:"Bereich",values:"Werte",unchanged:"im Betrieb nie verändert",always:"immer {value}",kinds:"Arten von Vorschlägen (keine: alle)",areas:"Bereiche (keine: alle)",max_suggestions:"Wie viele Vorschläge",show_header:"Statuszeile anzeigen",more:"{n} weitere offen"},Zt={card_name:"AI Automation",card_description:"Automatiseringsvoorstellen met het bewijs erachter: accepteren, afwijzen, analyse starten.",broker:"MQTT-broker",bridge:"Zigbee2MQTT",connected:"verbonden",disconnected:"niet verbonden",online:"online",offline:"offline",not_seen:"nog niet gezien",unknown:"onbekend",last_analysis:"Laatste analyse",never:"nog nooit",status_success:"gelukt",status_no_data:"geen geschiedenis",status_failed:"mislukt",status_running:"bezig",changes_read:"{n} wijzigingen gelezen",new_suggestions:"{n} nieuw",run_analysis:"Analyse starten",running:"Bezig met analyseren…",no_run:"Er is nog geen analyse gedaan. Start er nu een, of wacht op de dagelijkse.",short_history:"Geschiedenis sinds {days} dagen; gewoontes hebben minstens {min} dagen nodig. De dagelijkse analyse blijft zoeken.",nothing_found:"Geen open voorstellen. De laatste analyse las {events} wijzigingen en vond niets nieuws.",failed:"De laatste analyse is mislukt: {error}",not_loaded:"AI Automation is niet ingesteld of draait niet.",load_error:"De voorstellen konden niet worden geladen: {error}",kind_habit:"Gewoonte",kind_sequence:"Volgorde",kind_unused_capability:"Ongebruikte functie",kind_sun:"Zon",kind_presence:"Aanwezigheid",kind_group:"Groep",kind_override:"Teruggedraaide automatisering",sunset:"zonsondergang",sunrise:"zonsopkomst",at_event:"bij {event}",after_event:"{min} min na {event}",before_event:"{min} min voor {event}",sun_spread:"{relative}, meestal binnen {spread} min ervan (op de klok binnen {clock} min)",backtest_days:"goed op {right} van de laatste {total} dagen, fout op {wrong}",backtest_days_near:"goed op {right} van de laatste {total} dagen, bijna op {near}, fout op {wrong}",backtest_times:"{right} van de laatste {total} keer goed, {wrong} fout",right:"goed",near:"bijna",wrong:"fout",together:"{n} keer samen ({share} %)",started_habit:"begint op de gewone tijd",started_sun:"begint met de zon",started_sequence:"begint met de trigger",started_first:"begint als de eerste verandert",override_picture:"teruggedraaid op {undone} van de {acted} dagen dat ze iets deed",undone:"teruggedraaid",kept:"behouden",someone_home:"alleen als er iemand thuis is",first_arrives:"de eerste persoon komt thuis",last_leaves:"de laatste persoon vertrekt",arrives:"{name} komt thuis",leaves:"{name} vertrekt",show_automation:"De automatisering die ontstaat",no_automation:"Een tip: er is geen automatisering om te maken.",accept:"Accepteren",dismiss:"Afwijzen",snooze:"Later",created:"Automatisering gemaakt: {title}",snoozed_notice:"{days} dagen uitgesteld: {title}",dismissed_notice:"Afgewezen: {title}",undo:"Ongedaan maken",open_editor:"Openen in de automatiseringseditor",action_failed:"Dat lukte niet: {error}",habit_picture:"Tijden over {days} dagen, één rij per dag; voorgesteld {from}–{to}",suggested_time:"voorgestelde tijd",other_days:"andere dagen",delay_picture:"Vertraging tussen trigger en actie, {n} keer; geteld binnen {window}",seconds_after:"seconden na de trigger",typical:"meestal {s} s",capability_picture:"{device}: {capability}, ongewijzigd in gebruik",range:"bereik",values:"waarden",unchanged:"tijdens gebruik nooit gewijzigd",always:"altijd {value}",kinds:"Soorten voorstellen (geen: alle)",areas:"Ruimtes (geen: alle)",max_suggestions:"Hoeveel voorstellen",show_header:"Statusregel tonen",more:"nog {n} open"},Qt={en:Ue,de:Ft,nl:Zt};function Y(s){let e=Qt[(s??"en").split("-")[0]]??Ue;return(t,n={})=>(e[t]??Ue[t]??t).replace(/\{(\w+)\}/g,(i,r)=>r in n?String(n[r]):i)}function mt(){return typeof navigator<"u"?navigator.language:"en"}var Yt=["habit","sequence","sun","group","unused_capability","override"];async function Jt(){if(customElements.get("ha-form"))return;await(await window.loadCardHelpers?.())?.createCardElement({type:"entities",entities:[]})?.constructor?.getConfigElement?.()}var J=class extends T{setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),Jt().then(()=>this.requestUpdate())}render(){if(!this.hass||!this._config)return u;let e=Y(this.hass.locale?.language??this.hass.language),t=[{name:"kinds",selector:{select:{multiple:!0,mode:"list",options:Yt.map(i=>({value:i,label:e(`kind_${i}`)}))}}},{name:"areas",selector:{area:{multiple:!0}}},{name:"max_suggestions",selector:{number:{min:1,max:50,mode:"box"}}},{name:"show_header",selector:{boolean:{}}}],n={show_header:!0,max_suggestions:5,...this._config};return f`<ha-form
      .hass=${this.hass}
      .data=${n}
      .schema=${t}
      .computeLabel=${i=>e(i.name)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation();let t={...this._config,...e.detail.value};for(let n of["kinds","areas"])t[n]?.length||delete t[n];this._config=t,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:t},bubbles:!0,composed:!0}))}};J.properties={hass:{attribute:!1},_config:{state:!0}};var A=320,fe=44,Ne=8,me={all:[0,1,2,3,4,5,6],weekdays:[1,2,3,4,5],weekends:[0,6]},Xt={sun:0,mon:1,tue:2,wed:3,thu:4,fri:5,sat:6};function en(s){if(s===void 0)return me.all;if(me[s])return me[s];let e=s.split(",").map(t=>Xt[t.trim()]).filter(t=>t!==void 0);return e.length?e:me.all}function _e(s){let e=(Math.round(s)%1440+1440)%1440;return`${String(Math.floor(e/60)).padStart(2,"0")}:${String(e%60).padStart(2,"0")}`}function tn(s){let[e,t]=s;return e<=t?[[e,t]]:[[e,1440],[0,t]]}function X(s){return(s%1440+1440)%1440}var nn=240;function sn(s,e){let t;if(s.band)t=ye(s.band);else if(typeof e.median_time=="string"&&/^\d{1,2}:\d{2}/.test(e.median_time)){let[i,r]=e.median_time.split(":").map(Number);t=i*60+r}else if(s.times.length){let i=s.times.map(([,o])=>o/1440*2*Math.PI),r=i.reduce((o,d)=>o+Math.sin(d),0),a=i.reduce((o,d)=>o+Math.cos(d),0);t=X(Math.atan2(r,a)/(2*Math.PI)*1440)}return t===void 0?0:Math.min(X(t),1440-X(t))<nn?720:0}function ye(s){return s[0]+((s[1]-s[0])%1440+1440)%1440/2}function rn(s,e,t,n){let i=Math.max(s.days,1),r=i<=21?11:Math.max(3,230/i),a=4,o=i*r,d=a+o+15,c=A-fe-Ne,g=sn(s,e),l=m=>fe+m/1440*c,h=m=>X(m-g),p=(m,w)=>g&&X(w)<g?m-1:m,y=m=>tn([h(m[0]),h(m[1])]),_=m=>a+m*r+r/2,b=en(e.days),x=new Date(`${s.first_day}T12:00:00`),ve=new Intl.DateTimeFormat(n,{weekday:"short"}),$e=Array.from({length:i},(m,w)=>{let S=new Date(x.getTime()+w*864e5);return{day:w,date:S,counted:b.includes(S.getDay())&&!s.unrecorded?.includes(w)}}),zt=r>=10?1:7,Mt=Math.min(3,r/2-.3),C=s.band,Be=C?t("habit_picture",{days:i,from:_e(C[0]),to:_e(C[1])}):t("habit_picture",{days:i,from:e.median_time??"",to:e.median_time??""}),we=[],te=[],ne=gn(e,t),se=e.offset_minutes;if(s.bands)s.bands.forEach((m,w)=>{if(!m)return;let S=p(w,ye(m));if(S<0||S>=i)return;let L=a+S*r;for(let[V,Rt]of y(m))we.push(k`<rect class="band" x=${l(V)} y=${L} width=${Math.max(l(Rt)-l(V),1.5)} height=${r}></rect>`);if(ne&&typeof se=="number"){let V=h(ye(m)-se);te.push(k`<line class="sun" x1=${l(V)} x2=${l(V)} y1=${L} y2=${L+r}></line>`)}});else if(C){for(let[m,w]of y(C))we.push(k`<rect class="band" x=${l(m)} y=${a} width=${Math.max(l(w)-l(m),1.5)} height=${o}></rect>`);if(ne&&typeof se=="number"){let m=h(ye(C)-se);te.push(k`<line class="sun" x1=${l(m)} x2=${l(m)} y1=${a} y2=${a+o}></line>`)}}return f`
    <figure class="picture">
      <svg viewBox="0 0 ${A} ${d}" role="img" aria-label=${Be}>
        <title>${Be}</title>
        ${$e.map(({day:m,counted:w})=>k`<rect class=${w?"row":"row other"} x=${fe} y=${a+m*r} width=${c} height=${r}></rect>`)}
        ${we}
        ${[0,6,12,18,24].map(m=>k`
            <line class="grid" x1=${l(m*60)} x2=${l(m*60)} y1=${a} y2=${a+o}></line>
            <text class="axis" x=${l(m*60)} y=${d-3} text-anchor=${m===24?"end":m===0?"start":"middle"}>${String(g?(g/60+m)%24:m).padStart(2,"0")}</text>`)}
        ${$e.map(({day:m,date:w,counted:S})=>m%zt===0||m===i-1?k`<text class=${S?"day":"day other"} x=${fe-4} y=${_(m)+2.5} text-anchor="end">${ve.format(w)} ${w.getDate()}</text>`:u)}
        ${te}
        ${s.times.map(([m,w])=>{let S=p(m,w);if(S<0||S>=i)return u;let L=$e[m]?.counted??!0;return k`<circle class=${L?"dot":"dot other"} cx=${l(h(w))} cy=${_(S)} r=${Mt}></circle>`})}
      </svg>
      <figcaption>
        ${C?f`<span class="key"><span class="swatch band"></span>${t("suggested_time")}
              ${_e(C[0])}–${_e(C[1])}</span>`:u}
        ${b.length<7?f`<span class="key"><span class="swatch other"></span>${t("other_days")}</span>`:u}
        ${ne?f`<span class="key sun-text">${te.length?f`<span class="swatch sun"></span>`:u}${ne}</span>`:u}
      </figcaption>
    </figure>
  `}function an(s){return s<90?`${Math.round(s)} s`:`${Math.round(s/60)} min`}function on(s,e,t){let a=A-24-Ne,o=72,d=s.counts.reduce((_,b)=>_+b,0),c=Math.max(...s.counts,1),g=s.bin_seconds*s.counts.length||1,l=_=>24+Math.min(_,g)/g*a,h=a/Math.max(s.counts.length,1),p=t("delay_picture",{n:d,window:an(s.window_seconds)}),y=[0,g/2,g];return f`
    <figure class="picture">
      <svg viewBox="0 0 ${A} ${96}" role="img" aria-label=${p}>
        <title>${p}</title>
        <rect class="window" x=${24} y="6" width=${l(s.window_seconds)-24} height=${o}></rect>
        ${s.counts.map((_,b)=>{let x=_/c*(o-4);return k`<rect class="bar" x=${24+b*h+1} y=${6+o-x} width=${Math.max(h-2,1)} height=${x}><title>${b*s.bin_seconds}–${(b+1)*s.bin_seconds} s: ${_}</title></rect>`})}
        <line class="grid" x1=${24} x2=${A-Ne} y1=${6+o} y2=${6+o}></line>
        ${e!==void 0?k`<line class="median" x1=${l(e)} x2=${l(e)} y1="6" y2=${6+o}></line>`:u}
        ${y.map((_,b)=>k`<text class="axis" x=${l(_)} y=${91} text-anchor=${["start","middle","end"][b]}>${Math.round(_)} s</text>`)}
        <text class="axis" x=${20} y="12" text-anchor="end">${c}</text>
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar"></span>${t("seconds_after")}</span>
        ${e!==void 0?f`<span class="key"><span class="swatch median"></span>${t("typical",{s:Math.round(e)})}</span>`:u}
        <span class="key"><span class="swatch window"></span>${p.split(";")[1]?.trim()??""}</span>
      </figcaption>
    </figure>
  `}function dn(s){let e=s.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}function ln(s,e){let t=s.label||dn(s.property),n=s.unit??"",{min:i,max:r,value:a}=s,o=typeof i=="number"&&typeof r=="number"&&r>i,d=o&&typeof a=="number"&&a>=i&&a<=r,c=a==null||typeof a=="object"?"":e("always",{value:typeof a=="number"&&n?`${a} ${n}`:a}),g=e("capability_picture",{device:s.device,capability:t}),l=d?8+(a-i)/(r-i)*(A-16):0;return f`
    <figure class="picture capability" role="img" aria-label=${g}>
      <div class="device">
        <svg viewBox="0 0 24 24" class="chip-icon" aria-hidden="true">
          <path d="M12,2A7,7 0 0,0 5,9C5,11.38 6.19,13.47 8,14.74V17A1,1 0 0,0 9,18H15A1,1 0 0,0 16,17V14.74C17.81,13.47 19,11.38 19,9A7,7 0 0,0 12,2M9,21A1,1 0 0,0 10,22H14A1,1 0 0,0 15,21V20H9V21Z"></path>
        </svg>
        <span class="device-name">${s.device}</span>
        <span class="capability-name">${t}</span>
      </div>
      ${o?f`<svg viewBox="0 0 ${A} 34" aria-hidden="true">
            <rect class="range" x="8" y="8" width=${A-16} height="8" rx="4"></rect>
            ${d?k`<circle class="usual" cx=${l} cy="12" r="6"></circle>`:u}
            <text class="axis" x="8" y="30">${i} ${n}</text>
            <text class="axis" x=${A-8} y="30" text-anchor="end">${r} ${n}</text>
          </svg>`:u}
      ${s.values?.length?f`<div class="values">
            ${s.values.map(h=>f`<span class=${h===a?"value usual":"value"}>${h}</span>`)}
          </div>`:u}
      <figcaption>
        <span class="key"><span class="swatch unused"></span>${e("unchanged")}</span>
        ${c?f`<span class="key seen"><span class="swatch usual"></span>${c}</span>`:u}
      </figcaption>
    </figure>
  `}var cn=["right","near","wrong"];function _t(s){return cn.includes(s)?s:"wrong"}function un(s,e){if(s.backtest_days?.length){let n=new Intl.DateTimeFormat(e,{weekday:"short",day:"numeric",month:"short"});return{unit:"days",cells:s.backtest_days.map(i=>{let r=new Date(`${i.date}T12:00:00`);return{result:_t(i.result),label:n.format(r),day:r}})}}let t=new Intl.DateTimeFormat(e,{weekday:"short",hour:"2-digit",minute:"2-digit"});return{unit:"times",cells:(s.backtest_triggers??[]).map(n=>({result:_t(n.result),label:t.format(new Date(n.at*1e3))}))}}function hn(s,e,t){let{cells:n,unit:i}=un(s,t);if(!n.length)return u;let r=b=>n.filter(x=>x.result===b).length,a=s.backtest_right??r("right"),o=s.backtest_near??r("near"),d=s.backtest_wrong??r("wrong"),g=e(i==="days"?o?"backtest_days_near":"backtest_days":"backtest_times",{right:a,near:o,wrong:d,total:n.length}),l=n.length<=40?2:0,h=Math.max(Math.min(14,(A-8)/n.length-l),.5),p=i==="days"&&n.length<=14,y=h+4+(p?12:0),_=new Intl.DateTimeFormat(t,{weekday:"narrow"});return f`
    <figure class="picture backtest">
      <svg viewBox="0 0 ${A} ${y}" role="img" aria-label=${g}>
        <title>${g}</title>
        ${n.map((b,x)=>k`<rect class="cell ${b.result}" x=${4+x*(h+l)} y="2" width=${h} height=${h} rx=${l?2:0}><title>${b.label}: ${e(b.result)}</title></rect>`)}
        ${p?n.map((b,x)=>b.day?k`<text class="axis" x=${4+x*(h+l)+h/2} y=${y-1} text-anchor="middle">${_.format(b.day)}</text>`:u):u}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch right"></span>${e("right")}</span>
        ${o?f`<span class="key"><span class="swatch near"></span>${e("near")}</span>`:u}
        <span class="key"><span class="swatch wrong"></span>${e("wrong")}</span>
        <span class="key backtest-text">${g}</span>
      </figcaption>
    </figure>
  `}function gn(s,e){let{event:t,offset_minutes:n}=s;if(typeof t!="string"||typeof n!="number")return;let i=t==="sunset"||t==="sunrise"?e(t):t,r=Math.round(n),a=r===0?e("at_event",{event:i}):e(r>0?"after_event":"before_event",{min:Math.abs(r),event:i}),o=s.spread_minutes,d=s.clock_spread_minutes;return typeof o!="number"||typeof d!="number"?a:e("sun_spread",{relative:a,spread:Math.round(o),clock:Math.round(d)})}function pn(s,e){let t=s.members??[];if(!t.length)return u;let{t:n}=e,i=`started_${s.started_by??""}`,r=s.started_by&&n(i)!==i?n(i):"";return f`
    <figure class="picture group">
      <ul class="members">
        ${t.map(a=>f`<li class="member" data-entity=${a.entity_id}>
            <span class="member-name">${e.name(a.entity_id)}</span>
            <span class="member-state">${e.state(a.entity_id,a.state)}</span>
          </li>`)}
      </ul>
      <figcaption>
        ${typeof s.together=="number"?f`<span class="key">${n("together",{n:s.together,share:Math.round((s.share??0)*100)})}</span>`:u}
        ${r?f`<span class="key">${r}</span>`:u}
      </figcaption>
    </figure>
  `}function fn(s,e){let t=s.acted_days,n=s.undone_days;if(typeof t!="number"||typeof n!="number"||t<1)return u;let i=e("override_picture",{undone:n,acted:t}),r=Math.max(Math.min(14,(A-8)/t-2),1);return f`
    <figure class="picture override">
      <svg viewBox="0 0 ${A} ${r+4}" role="img" aria-label=${i}>
        <title>${i}</title>
        ${Array.from({length:t},(a,o)=>k`<rect class=${o<n?"cell undone":"cell kept"} x=${4+o*(r+2)} y="2" width=${r} height=${r} rx="2"></rect>`)}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch undone"></span>${e("undone")}</span>
        <span class="key"><span class="swatch kept"></span>${e("kept")}</span>
        <span class="key override-text">${i}</span>
        ${s.suggestion_id?f`<a class="key" href="/config/automation/edit/ai_automation_${s.suggestion_id}">${e("open_editor")}</a>`:u}
      </figcaption>
    </figure>
  `}function yt(s,e){let{t}=e,n=s.automation??{},i=[],r=Array.isArray(n.triggers)?n.triggers:[];for(let o of r){let d=o.entity_id,c=String(o.to??"");if(typeof d!="string")continue;let g=d.split(".",1)[0];d==="zone.home"&&c==="0"?i.push(t("last_leaves")):d==="zone.home"&&c==="1"?i.push(t("first_arrives")):(g==="person"||g==="device_tracker")&&(c==="home"||c==="not_home")&&i.push(t(c==="home"?"arrives":"leaves",{name:e.name(d)}))}return((Array.isArray(n.conditions)?n.conditions:[]).some(o=>o.entity_id==="zone.home")||s.evidence?.away_days)&&i.push(t("someone_home")),i}function mn(s){let e=s.day_times;if(!e?.length)return;let t=a=>Math.round(Date.parse(`${a}T00:00:00Z`)/864e5),n=[...e.map(a=>a.date),...(s.backtest_days??[]).map(a=>a.date)],i=Math.min(...n.map(t)),r=Math.max(...n.map(t));return{first_day:new Date(i*864e5).toISOString().slice(0,10),days:r-i+1,times:e.map(a=>[t(a.date)-i,a.minute])}}function bt(s,e){let{t,language:n}=e,i=s.series??mn(s);return[pn(s,e),i?rn(i,s,t,n):u,s.delays?on(s.delays,s.median_delay_seconds,t):u,s.capability?ln(s.capability,t):u,hn(s,t,n),fn(s,t)]}var vt=xe`
  :host {
    --aa-accent: var(--primary-color, #03a9f4);
    --aa-muted: var(--secondary-text-color, #727272);
    --aa-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --aa-ok: var(--success-color, #43a047);
    --aa-bad: var(--error-color, #db4437);
    --aa-warn: var(--warning-color, #ffa600);
  }
  ha-card {
    overflow: hidden;
  }
  .card-title {
    font-size: var(--ha-card-header-font-size, 24px);
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--ha-card-header-color, var(--primary-text-color));
    padding: 16px 16px 0;
    margin: 0;
    line-height: 1.3;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  .health {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    flex: 1 1 240px;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 10px 2px 8px;
    border-radius: 14px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    white-space: nowrap;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--aa-muted);
    flex: none;
  }
  .dot.ok {
    background: var(--aa-ok);
  }
  .dot.bad {
    background: var(--aa-bad);
  }
  .dot.warn {
    background: var(--aa-warn);
  }
  .run {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    font-size: 14px;
    color: var(--aa-muted);
  }
  .run strong {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  button {
    font: inherit;
    font-size: 14px;
    font-weight: 500;
    letter-spacing: 0.01em;
    border-radius: var(--ha-button-border-radius, 18px);
    min-height: 36px;
    padding: 0 16px;
    cursor: pointer;
    border: 1px solid var(--aa-accent);
    background: transparent;
    color: var(--aa-accent);
  }
  button.primary {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--aa-accent);
    outline-offset: 2px;
  }
  .empty,
  .error {
    padding: 16px;
    color: var(--aa-muted);
    font-size: 14px;
    line-height: 1.5;
    margin: 0;
  }
  .error {
    color: var(--aa-bad);
  }
  ul.suggestions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.suggestion {
    padding: 16px;
    border-bottom: 1px solid var(--aa-divider);
  }
  li.suggestion:last-child {
    border-bottom: none;
  }
  .kind {
    display: inline-block;
    font-size: 11px;
    font-weight: 500;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--aa-accent);
    margin-bottom: 2px;
  }
  h3 {
    font-size: 16px;
    font-weight: 500;
    margin: 0 0 4px;
    color: var(--primary-text-color);
    line-height: 1.35;
  }
  p.evidence {
    font-size: 14px;
    margin: 0 0 8px;
    color: var(--aa-muted);
    line-height: 1.45;
  }
  figure.picture {
    margin: 8px 0;
    /* (the labels' size follows the picture's width: see the container query below) */
    container-type: inline-size;
  }
  figure.picture svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: 260px;
  }
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 12px;
    color: var(--aa-muted);
    margin-top: 4px;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border-radius: 2px;
    display: inline-block;
  }
  .swatch.band {
    background: color-mix(in srgb, var(--aa-accent) 35%, transparent);
    box-shadow: inset 0 0 0 1px var(--aa-accent);
  }
  .swatch.other {
    background: var(--disabled-text-color, #bdbdbd);
  }
  .swatch.bar {
    background: var(--aa-accent);
  }
  .swatch.median {
    width: 2px;
    background: var(--primary-text-color);
  }
  .swatch.window,
  .swatch.unused {
    background: var(--aa-divider);
  }
  .swatch.usual {
    background: var(--aa-accent);
    border-radius: 50%;
  }
  .swatch.right,
  .swatch.kept {
    background: var(--aa-ok);
  }
  .swatch.near {
    background: var(--aa-warn);
  }
  .swatch.wrong,
  .swatch.undone {
    background: var(--aa-bad);
  }
  .swatch.sun {
    width: 2px;
    background: var(--aa-warn);
  }
  svg .row {
    fill: transparent;
  }
  svg .row.other {
    fill: var(--aa-divider);
    opacity: 0.5;
  }
  /* Edged, so that the band stands out on a dark card as on a light one. */
  svg .band {
    fill: var(--aa-accent);
    fill-opacity: 0.28;
    stroke: var(--aa-accent);
    stroke-opacity: 0.8;
    stroke-width: 0.8;
  }
  svg .grid {
    stroke: var(--aa-divider);
    stroke-width: 0.6;
  }
  svg text {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, sans-serif));
  }
  svg .axis,
  svg .day {
    font-size: 9px;
    fill: var(--aa-muted);
  }
  /* A picture is drawn 320 units wide: at a phone's width 9 units would be 8 pixels. */
  @container (max-width: 420px) {
    svg .axis,
    svg .day {
      font-size: 11px;
    }
  }
  svg .day.other {
    opacity: 0.5;
  }
  svg .dot {
    fill: var(--aa-accent);
  }
  svg .dot.other {
    fill: var(--disabled-text-color, #bdbdbd);
  }
  svg .bar {
    fill: var(--aa-accent);
  }
  svg .window {
    fill: var(--aa-divider);
    opacity: 0.45;
  }
  svg .median {
    stroke: var(--primary-text-color);
    stroke-width: 1.2;
    stroke-dasharray: 3 2;
  }
  svg .range {
    fill: var(--aa-divider);
  }
  svg .usual {
    fill: var(--aa-accent);
    stroke: var(--card-background-color, #fff);
    stroke-width: 2;
  }
  svg .cell.right,
  svg .cell.kept {
    fill: var(--aa-ok);
  }
  svg .cell.near {
    fill: var(--aa-warn);
  }
  svg .cell.wrong,
  svg .cell.undone {
    fill: var(--aa-bad);
  }
  svg .sun {
    stroke: var(--aa-warn);
    stroke-width: 1.5;
  }
  .badge {
    display: inline-block;
    font-size: 11px;
    padding: 1px 8px;
    margin: 0 0 2px 6px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
    vertical-align: 1px;
  }
  ul.members {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
  }
  li.member {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    padding: 2px 4px 2px 10px;
    border-radius: 14px;
    border: 1px solid var(--aa-divider);
    color: var(--primary-text-color);
  }
  .member-state {
    font-size: 12px;
    padding: 1px 8px;
    border-radius: 10px;
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  figcaption a {
    color: var(--aa-accent);
  }
  .capability .device {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    font-size: 14px;
  }
  figure.picture svg.chip-icon {
    width: 20px;
    height: 20px;
    flex: none;
    fill: var(--state-icon-color, var(--aa-muted));
  }
  .device-name {
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .capability-name,
  .value {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 10px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    color: var(--primary-text-color);
  }
  .value.usual {
    background: var(--aa-accent);
    color: var(--text-primary-color, #fff);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 8px;
  }
  details {
    margin: 8px 0;
    font-size: 14px;
  }
  summary {
    cursor: pointer;
    color: var(--aa-accent);
    padding: 4px 0;
    border-radius: 4px;
  }
  pre {
    margin: 6px 0 0;
    padding: 8px 12px;
    overflow-x: auto;
    font-family: var(--ha-font-family-code, var(--code-font-family, monospace));
    font-size: 12.5px;
    line-height: 1.5;
    border-radius: 8px;
    background: var(--code-editor-background-color, var(--secondary-background-color, rgba(127, 127, 127, 0.1)));
    color: var(--primary-text-color);
  }
  .hint {
    font-size: 13px;
    color: var(--aa-muted);
    margin: 6px 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    justify-content: flex-end;
    margin-top: 8px;
  }
  .done {
    font-size: 14px;
    color: var(--primary-text-color);
  }
  .done a {
    color: var(--aa-accent);
    font-weight: 500;
  }
  ul.undoable {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .undoable li {
    padding: 12px 16px;
    border-bottom: 1px solid var(--aa-divider);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .more {
    padding: 8px 16px 12px;
    font-size: 13px;
    color: var(--aa-muted);
  }
`;var _n={color_temp:"Farbtemperatur von {device} folgt der Tageszeit",brightness:"{device} nachts dunkler",unchanged:"{device} kann {label} ändern, im Betrieb unverändert",used:"{device} war in den letzten {period} Tagen an {n} Tagen in Betrieb, immer {value}.",used_part:"{device} war in den letzten {period} Tagen an {n} {part} in Betrieb, immer {value}.",part_0:"Nächten",part_1:"Vormittagen",part_2:"Nachmittagen",part_3:"Abenden",value_brightness:"mit {value} % Helligkeit",value_color:"in derselben Farbe",value_text:"auf „{value}“",value_number:"bei {value}",follow:" Sie könnte der Tageszeit folgen: tagsüber {day} K, nach Sonnenuntergang {evening} K und ab {start} {night} K.",night:" Zwischen {start} und {end} könnte sie mit {pct} % angehen."},yn={color_temp:"Kleurtemperatuur van {device} volgt het tijdstip van de dag",brightness:"{device} 's nachts gedimd",unchanged:"{device} kan {label} wijzigen, tijdens gebruik ongewijzigd",used:"{device} was in de laatste {period} dagen op {n} dagen in gebruik, altijd {value}.",used_part:"{device} was in de laatste {period} dagen op {n} {part} in gebruik, altijd {value}.",part_0:"nachten",part_1:"ochtenden",part_2:"middagen",part_3:"avonden",value_brightness:"op {value} % helderheid",value_color:"in dezelfde kleur",value_text:"op ‘{value}’",value_number:"op {value}",follow:" Hij zou het tijdstip kunnen volgen: overdag {day} K, na zonsondergang {evening} K en vanaf {start} {night} K.",night:" Tussen {start} en {end} zou hij op {pct} % aan kunnen gaan."},bn={de:_n,nl:yn};function E(s,e){return s.replace(/\{(\w+)\}/g,(t,n)=>n in e?String(e[n]):t)}function B(s,e,t=[]){if(Array.isArray(s))s.forEach(n=>B(n,e,t));else if(s&&typeof s=="object")for(let[n,i]of Object.entries(s))n===e?t.push(i):B(i,e,t);return t}function vn(s,e,t,n){if(s==="brightness")return E(n.value_brightness,{value:String(e)});if(s==="color")return n.value_color;if(typeof e=="string")return E(n.value_text,{value:e});let i=t&&t!=="%"?` ${String(t)}`:typeof t=="string"?t:"";return E(n.value_number,{value:`${String(e)}${i}`})}function $t(s,e){let t=bn[e.split("-")[0].toLowerCase()],n=s.evidence??{},i=n.capability;if(!t||!i||typeof n.days_in_use!="number")return;let r=i.device,a=i.property,o=n.days_in_use,c=(Array.isArray(n.part_days)?n.part_days:[]).map((_,b)=>[_,b]).filter(([_])=>o&&_>=.6*o),g={device:r,period:Number(n.lookback_days??0),value:vn(a,i.value??n.value,i.unit??n.unit,t)},l=c.length===1?E(t.used_part,{...g,n:c[0][0],part:t[`part_${c[0][1]}`]}):E(t.used,{...g,n:o}),h=s.automation;if(!h)return[E(t.unchanged,{device:r,label:i.label??a.replace(/_/g," ")}),l];let p=B(h,"after").filter(_=>typeof _=="string"&&_.includes(":")),y=B(h,"before").filter(_=>typeof _=="string");if(a==="color_temp"){let _=B(h,"color_temp_kelvin");if(_.length!==3||!p.length)return;let[b,x,ve]=_;return l+=E(t.follow,{day:ve,evening:x,night:b,start:p[0].slice(0,5)}),[E(t.color_temp,{device:r}),l]}if(a==="brightness"){let _=B(h,"brightness_pct")[0];return typeof _!="number"||!p.length||!y.length?void 0:(l+=E(t.night,{start:p[0].slice(0,5),end:y[0].slice(0,5),pct:_}),[E(t.brightness,{device:r}),l])}}var $n={on:"{name} einschalten",off:"{name} ausschalten",open:"{name} öffnen",closed:"{name} schließen",locked:"{name} abschließen",unlocked:"{name} aufschließen",playing:"{name} abspielen",paused:"{name} pausieren",set:"{name} auf {state} stellen",and:"und",around:"gegen {time}",every_day:"jeden Tag",on_weekdays:"an Werktagen",at_weekends:"am Wochenende",on_days:"an {days}",word_all:"Tagen",word_weekdays:"Werktagen",word_weekends:"Wochenendtagen",word_list:"Tagen ({days})",someone_home:", wenn jemand zu Hause ist",at_sunset:"bei Sonnenuntergang",at_sunrise:"bei Sonnenaufgang",after_sunset:"{n} min nach Sonnenuntergang",after_sunrise:"{n} min nach Sonnenaufgang",before_sunset:"{n} min vor Sonnenuntergang",before_sunrise:"{n} min vor Sonnenaufgang",when:"wenn {trigger}",last_leaves:"die letzte Person geht",first_arrives:"die erste Person ankommt",arrives:"{name} ankommt",leaves:"{name} geht",turns:"{name} zu „{state}“ wechselt",fires:"{name} auslöst",habit:"An {n} von {of} {word} gesehen, meist auf {spread} Minuten genau.",sun:"An {n} von {of} {word} {relative} gesehen, meist auf {spread} Minuten genau (nach der Uhr auf {clock} Minuten).",habit_backtest:" Hätte an {right} der letzten {total} {word} gestimmt, an {wrong} nicht.",away:" Nie, während niemand zu Hause war (an {away} {word}).",sequence:"Bei {n} von {of} Malen, meist {delay} später; {otherwise}.",seconds:"{n} Sekunden",minutes:"{n} Minuten",when_for:"wenn {trigger} und {duration} lang so bleibt",almost_never:"sonst passiert es fast nie",rarely:"sonst passiert es selten",less_often:"sonst passiert es viel seltener",times_backtest:" In den letzten 7 Tagen hätte es {right} von {total} Malen gestimmt.",group:"{n} von {of} Malen zusammen gemacht (innerhalb einer Minute), an {days} verschiedenen Tagen.",override_title:"Automatisierung ändern oder entfernen: {automation}",override:"An {undone} von {acted} Tagen, an denen sie {name} schaltete, hat jemand es innerhalb von Minuten zurückgestellt."},wn={on:"{name} aanzetten",off:"{name} uitzetten",open:"{name} openen",closed:"{name} sluiten",locked:"{name} vergrendelen",unlocked:"{name} ontgrendelen",playing:"{name} afspelen",paused:"{name} pauzeren",set:"{name} op {state} zetten",and:"en",around:"rond {time}",every_day:"elke dag",on_weekdays:"op werkdagen",at_weekends:"in het weekend",on_days:"op {days}",word_all:"dagen",word_weekdays:"werkdagen",word_weekends:"weekenddagen",word_list:"dagen ({days})",someone_home:" als er iemand thuis is",at_sunset:"bij zonsondergang",at_sunrise:"bij zonsopkomst",after_sunset:"{n} min na zonsondergang",after_sunrise:"{n} min na zonsopkomst",before_sunset:"{n} min voor zonsondergang",before_sunrise:"{n} min voor zonsopkomst",when:"als {trigger}",last_leaves:"de laatste persoon vertrekt",first_arrives:"de eerste persoon thuiskomt",arrives:"{name} thuiskomt",leaves:"{name} vertrekt",turns:"{name} naar ‘{state}’ gaat",fires:"{name} afgaat",habit:"Gezien op {n} van {of} {word}, meestal tot op {spread} minuten nauwkeurig.",sun:"Gezien op {n} van {of} {word} {relative}, meestal tot op {spread} minuten nauwkeurig (op de klok tot op {clock} minuten).",habit_backtest:" Zou op {right} van de laatste {total} {word} goed zijn geweest, op {wrong} fout.",away:" Nooit als er niemand thuis was (op {away} {word}).",sequence:"Na {n} van de {of} keer, meestal {delay} later; {otherwise}.",seconds:"{n} seconden",minutes:"{n} minuten",when_for:"als {trigger} en dat {duration} zo blijft",almost_never:"anders gebeurt het bijna nooit",rarely:"anders gebeurt het zelden",less_often:"anders gebeurt het veel minder vaak",times_backtest:" In de laatste 7 dagen zou het {right} van de {total} keer goed zijn geweest.",group:"{n} van de {of} keer samen gedaan (binnen een minuut), op {days} verschillende dagen.",override_title:"Automatisering wijzigen of verwijderen: {automation}",override:"Op {undone} van de {acted} dagen dat ze {name} schakelde, zette iemand het binnen enkele minuten terug."},kn={de:$n,nl:wn},wt=["mon","tue","wed","thu","fri","sat","sun"],xn={turn_on:"on",turn_off:"off",open_cover:"open",close_cover:"closed",lock:"locked",unlock:"unlocked",media_play:"playing",media_pause:"paused"};function $(s,e){return s.replace(/\{(\w+)\}/g,(t,n)=>n in e?String(e[n]):t)}function kt(s,e){return s.length<2?s[0]??"":`${s.slice(0,-1).join(", ")} ${e.and} ${s[s.length-1]}`}function An(s,e){let t=new Intl.DateTimeFormat(e,{weekday:"short"});return s.map(n=>t.format(new Date(2024,0,1+Math.max(wt.indexOf(n),0))))}function xt(s,e,t){let i=(s.conditions??[]).find(d=>d.condition==="time"&&Array.isArray(d.weekday)),r=i?i.weekday:wt,a=r.join(",");if(r.length===7)return[e.every_day,e.word_all];if(a==="mon,tue,wed,thu,fri")return[e.on_weekdays,e.word_weekdays];if(a==="sat,sun")return[e.at_weekends,e.word_weekends];let o=An(r,t);return[$(e.on_days,{days:kt(o,e)}),$(e.word_list,{days:o.join(", ")})]}function Sn(s){return(s.conditions??[]).some(t=>t.condition==="numeric_state"&&t.entity_id==="zone.home")}function Tn(s){if(typeof s=="number")return Math.round(s/60);if(typeof s!="string"||!s)return 0;let e=s.startsWith("-"),[t=0,n=0,i=0]=s.replace(/^[-+]/,"").split(":").map(Number);return(e?-1:1)*Math.round(t*60+n+i/60)}function At(s,e){let t=s.event;if(t!=="sunset"&&t!=="sunrise")return;let n=Tn(s.offset);return n?$(e[`${n>0?"after":"before"}_${t}`],{n:Math.abs(n)}):e[`at_${t}`]}function En(s,e,t){let n=s.entity_id;if(typeof n!="string")return;let i=s.to===void 0?void 0:String(s.to),r=t.name(n);if(n==="zone.home"&&i==="0")return e.last_leaves;if(n==="zone.home"&&i==="1")return e.first_arrives;let a=n.split(".")[0];return(a==="person"||a==="device_tracker")&&(i==="home"||i==="not_home")?$(e[i==="home"?"arrives":"leaves"],{name:r}):i===void 0?$(e.fires,{name:r}):$(e.turns,{name:r,state:t.state(n,i)})}function Cn(s,e,t){let n=(s.triggers??[])[0];if(!n)return;let i=Sn(s)?e.someone_home:"",[r]=xt(s,e,t.language);if(n.trigger==="time"&&typeof n.at=="string")return`${$(e.around,{time:n.at.slice(0,5)})} ${r}${i}`;if(n.trigger==="sun"){let a=At(n,e);return a&&`${a} ${r}${i}`}if(n.trigger==="state"){let a=En(n,e,t);if(!a)return;if(n.for===void 0)return`${$(e.when,{trigger:a})}${i}`;let o=Mn(n.for);return o===void 0?void 0:`${$(e.when_for,{trigger:a,duration:St(o,e)})}${i}`}}function zn(s,e,t){let n=new Map;for(let i of s.actions??[]){let r=String(i.action??""),a=i.target?.entity_id;if(typeof a!="string")return;let[o,d]=r.split("."),c=xn[d??""];if(o==="scene"&&(c="on"),o==="climate"&&d==="set_hvac_mode"&&(c=`set:${String(i.data?.hvac_mode??"")}`),!c)return;n.set(c,[...n.get(c)??[],a])}if(n.size)return[...n.entries()].map(([i,r])=>{let a=kt(r.map(t.name),e);return i.startsWith("set:")?$(e.set,{name:a,state:t.state(r[0],i.slice(4))}):$(e[i],{name:a})}).join(` ${e.and} `)}function Mn(s){if(typeof s=="string"){let t=s.split(":").map(Number);return t.length!==3||t.some(n=>!Number.isFinite(n))?void 0:t[0]*3600+t[1]*60+t[2]}if(s===null||typeof s!="object")return;let e=s;return v(e.hours)*3600+v(e.minutes)*60+v(e.seconds)}function St(s,e){return s<90?$(e.seconds,{n:Math.round(s)}):$(e.minutes,{n:Math.round(s/60)})}function v(s){return typeof s=="number"&&Number.isFinite(s)?s:0}function Rn(s,e,t){let n=s.evidence??{},i=s.automation??{};if(n.distinct_days===void 0||n.eligible_days===void 0)return;let[,r]=xt(i,e,t.language),a={n:v(n.distinct_days),of:v(n.eligible_days),word:r,spread:Math.round(v(n.spread_minutes))},o;if(s.kind==="sun"){let d=At({event:n.event,offset:v(n.offset_minutes)*60},e);if(!d)return;o=$(e.sun,{...a,relative:d,clock:Math.round(v(n.clock_spread_minutes))})}else o=$(e.habit,a);if(n.backtest_right!==void 0){let d=v(n.backtest_right),c=v(n.backtest_wrong),g=n.backtest_days?.length??d+v(n.backtest_near)+c;o+=$(e.habit_backtest,{right:d,wrong:c,total:g,word:r})}return s.kind==="habit"&&v(n.away_days)&&(o+=$(e.away,{away:v(n.away_days),word:r})),o}function Tt(s,e){if(s.backtest_right===void 0)return"";let t=v(s.backtest_right);return $(e.times_backtest,{right:t,total:t+v(s.backtest_wrong)})}function Pn(s,e){if(s.occurrences===void 0||s.trigger_count===void 0)return;let t=v(s.lift),n=t?v(s.confidence)/t:0,i=n<.02?e.almost_never:n<.1?e.rarely:e.less_often;return $(e.sequence,{n:v(s.occurrences),of:v(s.trigger_count),delay:St(v(s.median_delay_seconds),e),otherwise:i})+Tt(s,e)}function jn(s,e){return s.together===void 0?void 0:$(e.group,{n:v(s.together),of:Math.max(v(s.times),v(s.together)),days:v(s.distinct_days)})+(s.started_by==="first"?Tt(s,e):"")}function Hn(s,e,t){let n=s.evidence??{},i=s.title.indexOf(": ");if(!(n.acted_days===void 0||i<0||!s.entities.length))return[$(e.override_title,{automation:s.title.slice(i+2)}),$(e.override,{undone:v(n.undone_days),acted:v(n.acted_days),name:t.name(s.entities[s.entities.length-1])})]}function Oe(s,e){let t={title:s.title,description:s.description},n=kn[e.language.split("-")[0].toLowerCase()];if(!n||s.ai_worded)return t;if(s.kind==="unused_capability"){let c=$t(s,e.language);return c?{title:c[0],description:c[1]}:t}if(s.kind==="override"){let c=Hn(s,n,e);return c?{title:c[0],description:c[1]}:t}let i=s.automation;if(!i||!["habit","sun","sequence","group"].includes(s.kind))return t;let r=zn(i,n,e),a=Cn(i,n,e),o=s.evidence??{},d=s.kind==="sequence"?Pn(o,n):s.kind==="group"?jn(o,n):Rn(s,n,e);return!r||!a||!d?t:{title:`${r} ${a}`,description:d}}var O="ai_automation",Ie="ai-automation-card",We=5,Et=30,Dn=10,Un=["mqtt_broker","zigbee2mqtt_bridge","last_run","last_run_status","suggestions_open"];function be(s){return s&&typeof s=="object"&&"message"in s?String(s.message):String(s)}function Ct(s){let e=s.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}var ee=class extends T{constructor(){super();this._entityIds={};this._watched="";this._request=0;this._total=0,this._running=!1,this._busy=new Set,this._created=[],this._undoable=[]}disconnectedCallback(){super.disconnectedCallback();for(let t of this._undoable)window.clearTimeout(t.timer);this._undoable=[]}static getConfigElement(){return document.createElement("ai-automation-card-editor")}static getStubConfig(){return{show_header:!0,max_suggestions:We}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.kinds!==void 0&&!Array.isArray(t.kinds))throw new Error("kinds must be a list");if(t.areas!==void 0&&!Array.isArray(t.areas))throw new Error("areas must be a list");let n=JSON.stringify(t)!==JSON.stringify(this._config);this._config=t,n&&this.hass&&this._refresh()}getCardSize(){let t=this._suggestions?.length??Math.min(this._config?.max_suggestions??We,3);return(this._config?.show_header===!1?1:3)+5*Math.max(t,1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}get _t(){return Y(this.hass?.locale?.language??this.hass?.language)}get _language(){return this.hass?.locale?.language??this.hass?.language??"en"}_entity(t){if(!this._entityIds[t]&&this.hass?.entities)for(let i of Object.values(this.hass.entities))i.platform===O&&i.translation_key&&(this._entityIds[i.translation_key]=i.entity_id);let n=this._entityIds[t];return n?this.hass?.states[n]:void 0}willUpdate(t){if(!t.has("hass")||!this.hass)return;let n=Un.slice(2).map(i=>this._entity(i)?.state??"").join("|");(n!==this._watched||this._status===void 0)&&(this._watched=n,this._refresh())}get _context(){let t=this.hass;return{t:this._t,language:this._language,name:n=>{let i=t?.states[n]?.attributes.friendly_name;return typeof i=="string"&&i?i:Ct(n.split(".").slice(1).join("."))},state:(n,i)=>{let r=t?.states[n];return r&&t?.formatEntityState?t.formatEntityState(r,i):i}}}async _refresh(){if(!this.hass||!this._config)return;let t=++this._request,n={type:`${O}/suggestions`,status:"new",limit:this._config.max_suggestions??We};this._config.kinds?.length&&(n.kinds=this._config.kinds),this._config.areas?.length&&(n.area_ids=this._config.areas);try{let[i,r]=await Promise.all([this.hass.callWS({type:`${O}/status`}),this.hass.callWS(n)]);if(t!==this._request)return;this._status=i,this._suggestions=r.suggestions,this._total=r.total,this._error=void 0}catch(i){if(t!==this._request)return;let r=i&&typeof i=="object"&&"code"in i?i.code:void 0;this._error=r==="not_loaded"?this._t("not_loaded"):this._t("load_error",{error:be(i)})}}async _runAnalysis(){if(this.hass){this._running=!0;try{await this.hass.callService(O,"run_analysis",{})}catch(t){this._error=this._t("action_failed",{error:be(t)})}finally{this._running=!1}await this._refresh()}}async _decide(t,n){if(this.hass){this._busy=new Set([...this._busy,t.id]);try{let i=await this.hass.callWS({type:`${O}/suggestions/handle`,suggestion_id:t.id,decision:n,...n==="snooze"?{days:Et}:{}});(n==="snooze"||n==="dismiss")&&this._offerUndo(t,n),n==="accept"&&(this._created=[...this._created,{id:t.id,title:i.ai_worded?i.title:Oe(t,this._context).title,automationId:i.automation_id??`${O}_${t.id}`}]),this._suggestions=this._suggestions?.filter(r=>r.id!==t.id),this._error=void 0}catch(i){this._error=this._t("action_failed",{error:be(i)})}finally{let i=new Set(this._busy);i.delete(t.id),this._busy=i}await this._refresh()}}_offerUndo(t,n){let i=window.setTimeout(()=>this._forgetUndo(t.id),Dn*1e3);this._forgetUndo(t.id),this._undoable=[...this._undoable,{id:t.id,title:t.title,decision:n,timer:i}]}_forgetUndo(t){let n=this._undoable.find(i=>i.id===t);n&&(window.clearTimeout(n.timer),this._undoable=this._undoable.filter(i=>i.id!==t))}async _undo(t){if(this.hass){this._forgetUndo(t.id);try{await this.hass.callWS({type:`${O}/suggestions/handle`,suggestion_id:t.id,decision:"restore"}),this._error=void 0}catch(n){this._error=this._t("action_failed",{error:be(n)})}await this._refresh()}}render(){let t=this._t;return f`
      <ha-card>
        ${this._config?.show_header===!1?u:this._renderHeader(t)}
        ${this._error?f`<p class="error" role="alert">${this._error}</p>`:u}
        ${this._created.length?f`<ul class="suggestions created" aria-live="polite">
              ${this._created.map(n=>f`<li class="suggestion done" data-id=${n.id}>
                  <span>${t("created",{title:n.title})}</span> ·
                  <a href="/config/automation/edit/${n.automationId}">${t("open_editor")}</a>
                </li>`)}
            </ul>`:u}
        ${this._undoable.length?f`<ul class="undoable" role="status" aria-live="polite">
              ${je(this._undoable,n=>n.id,n=>f`<li class="done" data-undo=${n.id} data-decision=${n.decision}>
                  <span>${n.decision==="snooze"?t("snoozed_notice",{days:Et,title:n.title}):t("dismissed_notice",{title:n.title})}</span>
                  <button class="undo" @click=${()=>this._undo(n)}>${t("undo")}</button>
                </li>`)}
            </ul>`:u}
        ${this._renderSuggestions(t)}
      </ha-card>
    `}_renderHeader(t){let n=this._entity("mqtt_broker")?.state,i=this._entity("zigbee2mqtt_bridge")?.state,r=t(n==="on"?"connected":n==="off"?"disconnected":"unknown"),a=t(i==="on"?"online":i==="off"?"offline":i==="unknown"?"not_seen":"unknown"),o=this._status?.last_run??{},d=this._running||this._status?.running||this._entity("last_run_status")?.state==="running",c=[];if(d)c.push(t("status_running"));else if(o.status){let g=`status_${o.status}`;c.push(t(g)===g?o.status:t(g)),o.success&&(c.push(t("changes_read",{n:o.events_analysed??0})),c.push(t("new_suggestions",{n:o.suggestions_generated??0})))}return f`
      <h2 class="card-title">${t("card_name")}</h2>
      <div class="header">
        <div class="health">
          <span class="pill broker"><span class="dot ${n==="on"?"ok":"bad"}"></span>${t("broker")}: ${r}</span>
          <span class="pill bridge"><span class="dot ${i==="on"?"ok":i==="off"?"bad":"warn"}"></span>${t("bridge")}: ${a}</span>
        </div>
        <div class="run">
          <span class="last-run">${t("last_analysis")}:
            <strong title=${o.timestamp?new Date(o.timestamp).toLocaleString(this._language):""}>${o.timestamp?this._ago(o.timestamp):t("never")}</strong>${c.length?` · ${c.join(" · ")}`:""}</span>
          <button class="run-analysis" ?disabled=${d} @click=${this._runAnalysis}>
            ${t(d?"running":"run_analysis")}
          </button>
        </div>
      </div>
    `}_ago(t){let n=(new Date(t).getTime()-Date.now())/1e3,i=new Intl.RelativeTimeFormat(this._language,{numeric:"auto"}),r=[["day",86400],["hour",3600],["minute",60]];for(let[a,o]of r)if(Math.abs(n)>=o)return i.format(Math.round(n/o),a);return i.format(Math.min(0,Math.round(n)),"second")}_emptyText(t){let n=this._status,i=n?.last_run??{};if(!i.status)return t("no_run");if(i.status==="failed")return t("failed",{error:i.error??""});let r=i.history_days;return r!==void 0&&n&&r<n.min_days?t("short_history",{days:Math.floor(r),min:n.min_days}):t("nothing_found",{events:i.events_analysed??0})}_renderSuggestions(t){if(this._suggestions===void 0)return u;if(!this._suggestions.length)return f`<p class="empty">${this._emptyText(t)}</p>`;let n=this._total-this._suggestions.length;return f`
      <ul class="suggestions">
        ${je(this._suggestions,i=>i.id,i=>this._renderSuggestion(i,t))}
      </ul>
      ${n>0?f`<div class="more">${t("more",{n})}</div>`:u}
    `}_renderSuggestion(t,n){let i=`kind_${t.kind}`,r=n(i)===i?Ct(t.kind):n(i),a=this._busy.has(t.id),o=this._status?.decisions??["accept","dismiss"],d=`title-${t.id}`,c=t.ai_worded&&t.evidence_text&&t.evidence_text!==t.description?t.evidence_text:void 0,g=this._context,l=yt(t,g),h=Oe(t,g);return f`
      <li class="suggestion" data-id=${t.id} data-kind=${t.kind}>
        <span class="kind">${r}</span>
        ${l.map(p=>f`<span class="badge presence">${p}</span>`)}
        <h3 id=${d}>${h.title}</h3>
        <p class="evidence">${h.description}${c?f`<br />${c}`:u}</p>
        ${bt(t.evidence??{},g)}
        ${t.automation?f`<details>
              <summary>${n("show_automation")}</summary>
              <pre>${ft(t.automation)}</pre>
            </details>`:f`<p class="hint">${n("no_automation")}</p>`}
        <div class="actions">
          ${o.includes("snooze")?f`<button class="snooze" aria-describedby=${d} ?disabled=${a}
                @click=${()=>this._decide(t,"snooze")}>${n("snooze")}</button>`:u}
          <button class="dismiss" aria-describedby=${d} ?disabled=${a}
            @click=${()=>this._decide(t,"dismiss")}>${n("dismiss")}</button>
          ${t.automation?f`<button class="accept primary" aria-describedby=${d} ?disabled=${a}
                @click=${()=>this._decide(t,"accept")}>${n("accept")}</button>`:u}
        </div>
      </li>
    `}};ee.styles=vt,ee.properties={hass:{attribute:!1},_config:{state:!0},_status:{state:!0},_suggestions:{state:!0},_total:{state:!0},_error:{state:!0},_running:{state:!0},_busy:{state:!0},_created:{state:!0},_undoable:{state:!0}};function Nn(){if(customElements.get("ai-automation-card-editor")||customElements.define("ai-automation-card-editor",J),customElements.get(Ie))return;customElements.define(Ie,ee);let s=Y(mt());window.customCards=window.customCards??[],window.customCards.push({type:Ie,name:s("card_name"),description:s("card_description"),preview:!0,documentationURL:"https://github.com/ai-automation-team/ai_automation#dashboard-card"})}customElements.whenDefined("home-assistant").then(Nn);export{ee as AiAutomationCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
