var oe=globalThis,de=oe.ShadowRoot&&(oe.ShadyCSS===void 0||oe.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Ee=Symbol(),Ge=new WeakMap,K=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==Ee)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(de&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ge.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ge.set(t,e))}return e}toString(){return this.cssText}},Ke=n=>new K(typeof n=="string"?n:n+"",void 0,Ee),O=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((s,r,i)=>s+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+n[i+1],n[0]);return new K(t,n,Ee)},Fe=(n,e)=>{if(de)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=oe.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,n.appendChild(s)}},Ce=de?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Ke(t)})(n):n;var{is:Ft,defineProperty:Zt,getOwnPropertyDescriptor:Qt,getOwnPropertyNames:Yt,getOwnPropertySymbols:Jt,getPrototypeOf:Xt}=Object,le=globalThis,Ze=le.trustedTypes,en=Ze?Ze.emptyScript:"",tn=le.reactiveElementPolyfillSupport,F=(n,e)=>n,ze={toAttribute(n,e){switch(e){case Boolean:n=n?en:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},Ye=(n,e)=>!Ft(n,e),Qe={attribute:!0,type:String,converter:ze,reflect:!1,useDefault:!1,hasChanged:Ye};Symbol.metadata??=Symbol("metadata"),le.litPropertyMetadata??=new WeakMap;var z=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Qe){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&Zt(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:i}=Qt(this.prototype,e)??{get(){return this[t]},set(a){this[t]=a}};return{get:r,set(a){let o=r?.call(this);i?.call(this,a),this.requestUpdate(e,o,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Qe}static _$Ei(){if(this.hasOwnProperty(F("elementProperties")))return;let e=Xt(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(F("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(F("properties"))){let t=this.properties,s=[...Yt(t),...Jt(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(Ce(r))}else e!==void 0&&t.push(Ce(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Fe(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:ze).toAttribute(t,s.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let i=s.getPropertyOptions(r),a=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:ze;this._$Em=r;let o=a.fromAttribute(t,i.type);this[r]=o??this._$Ej?.get(r)??o,this._$Em=null}}requestUpdate(e,t,s,r=!1,i){if(e!==void 0){let a=this.constructor;if(r===!1&&(i=this[e]),s??=a.getPropertyOptions(e),!((s.hasChanged??Ye)(i,t)||s.useDefault&&s.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:i},a){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),i!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,i]of this._$Ep)this[r]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,i]of s){let{wrapped:a}=i,o=this[r];a!==!0||this._$AL.has(r)||o===void 0||this.C(r,void 0,i,o)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};z.elementStyles=[],z.shadowRootOptions={mode:"open"},z[F("elementProperties")]=new Map,z[F("finalized")]=new Map,tn?.({ReactiveElement:z}),(le.reactiveElementVersions??=[]).push("2.1.2");var Me=globalThis,Je=n=>n,ce=Me.trustedTypes,Xe=ce?ce.createPolicy("lit-html",{createHTML:n=>n}):void 0,Pe="$lit$",R=`lit$${Math.random().toFixed(9).slice(2)}$`,He="?"+R,nn=`<${He}>`,j=document,Q=()=>j.createComment(""),Y=n=>n===null||typeof n!="object"&&typeof n!="function",De=Array.isArray,it=n=>De(n)||typeof n?.[Symbol.iterator]=="function",Re=`[ 	
\f\r]`,Z=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,et=/-->/g,tt=/>/g,H=RegExp(`>|${Re}(?:([^\\s"'>=/]+)(${Re}*=${Re}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),nt=/'/g,st=/"/g,at=/^(?:script|style|textarea|title)$/i,je=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),g=je(1),w=je(2),ts=je(3),M=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),rt=new WeakMap,D=j.createTreeWalker(j,129);function ot(n,e){if(!De(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return Xe!==void 0?Xe.createHTML(e):e}var dt=(n,e)=>{let t=n.length-1,s=[],r,i=e===2?"<svg>":e===3?"<math>":"",a=Z;for(let o=0;o<t;o++){let d=n[o],c,h,l=-1,p=0;for(;p<d.length&&(a.lastIndex=p,h=a.exec(d),h!==null);)p=a.lastIndex,a===Z?h[1]==="!--"?a=et:h[1]!==void 0?a=tt:h[2]!==void 0?(at.test(h[2])&&(r=RegExp("</"+h[2],"g")),a=H):h[3]!==void 0&&(a=H):a===H?h[0]===">"?(a=r??Z,l=-1):h[1]===void 0?l=-2:(l=a.lastIndex-h[2].length,c=h[1],a=h[3]===void 0?H:h[3]==='"'?st:nt):a===st||a===nt?a=H:a===et||a===tt?a=Z:(a=H,r=void 0);let m=a===H&&n[o+1].startsWith("/>")?" ":"";i+=a===Z?d+nn:l>=0?(s.push(c),d.slice(0,l)+Pe+d.slice(l)+R+m):d+R+(l===-2?o:m)}return[ot(n,i+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},J=class n{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let i=0,a=0,o=e.length-1,d=this.parts,[c,h]=dt(e,t);if(this.el=n.createElement(c,s),D.currentNode=this.el.content,t===2||t===3){let l=this.el.content.firstChild;l.replaceWith(...l.childNodes)}for(;(r=D.nextNode())!==null&&d.length<o;){if(r.nodeType===1){if(r.hasAttributes())for(let l of r.getAttributeNames())if(l.endsWith(Pe)){let p=h[a++],m=r.getAttribute(l).split(R),y=/([.?@])?(.*)/.exec(p);d.push({type:1,index:i,name:y[2],strings:m,ctor:y[1]==="."?he:y[1]==="?"?pe:y[1]==="@"?ge:U}),r.removeAttribute(l)}else l.startsWith(R)&&(d.push({type:6,index:i}),r.removeAttribute(l));if(at.test(r.tagName)){let l=r.textContent.split(R),p=l.length-1;if(p>0){r.textContent=ce?ce.emptyScript:"";for(let m=0;m<p;m++)r.append(l[m],Q()),D.nextNode(),d.push({type:2,index:++i});r.append(l[p],Q())}}}else if(r.nodeType===8)if(r.data===He)d.push({type:2,index:i});else{let l=-1;for(;(l=r.data.indexOf(R,l+1))!==-1;)d.push({type:7,index:i}),l+=R.length-1}i++}}static createElement(e,t){let s=j.createElement("template");return s.innerHTML=e,s}};function N(n,e,t=n,s){if(e===M)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,i=Y(e)?void 0:e._$litDirective$;return r?.constructor!==i&&(r?._$AO?.(!1),i===void 0?r=void 0:(r=new i(n),r._$AT(n,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=N(n,r._$AS(n,e.values),r,s)),e}var ue=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??j).importNode(t,!0);D.currentNode=r;let i=D.nextNode(),a=0,o=0,d=s[0];for(;d!==void 0;){if(a===d.index){let c;d.type===2?c=new W(i,i.nextSibling,this,e):d.type===1?c=new d.ctor(i,d.name,d.strings,this,e):d.type===6&&(c=new me(i,this,e)),this._$AV.push(c),d=s[++o]}a!==d?.index&&(i=D.nextNode(),a++)}return D.currentNode=j,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},W=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=N(this,e,t),Y(e)?e===u||e==null||e===""?(this._$AH!==u&&this._$AR(),this._$AH=u):e!==this._$AH&&e!==M&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):it(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==u&&Y(this._$AH)?this._$AA.nextSibling.data=e:this.T(j.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=J.createElement(ot(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let i=new ue(r,this),a=i.u(this.options);i.p(t),this.T(a),this._$AH=i}}_$AC(e){let t=rt.get(e.strings);return t===void 0&&rt.set(e.strings,t=new J(e)),t}k(e){De(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let i of e)r===t.length?t.push(s=new n(this.O(Q()),this.O(Q()),this,this.options)):s=t[r],s._$AI(i),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Je(e).nextSibling;Je(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},U=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,i){this.type=1,this._$AH=u,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=u}_$AI(e,t=this,s,r){let i=this.strings,a=!1;if(i===void 0)e=N(this,e,t,0),a=!Y(e)||e!==this._$AH&&e!==M,a&&(this._$AH=e);else{let o=e,d,c;for(e=i[0],d=0;d<i.length-1;d++)c=N(this,o[s+d],t,d),c===M&&(c=this._$AH[d]),a||=!Y(c)||c!==this._$AH[d],c===u?e=u:e!==u&&(e+=(c??"")+i[d+1]),this._$AH[d]=c}a&&!r&&this.j(e)}j(e){e===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},he=class extends U{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===u?void 0:e}},pe=class extends U{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==u)}},ge=class extends U{constructor(e,t,s,r,i){super(e,t,s,r,i),this.type=5}_$AI(e,t=this){if((e=N(this,e,t,0)??u)===M)return;let s=this._$AH,r=e===u&&s!==u||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,i=e!==u&&(s===u||r);r&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},me=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){N(this,e)}},lt={M:Pe,P:R,A:He,C:1,L:dt,R:ue,D:it,V:N,I:W,H:U,N:pe,U:ge,B:he,F:me},sn=Me.litHtmlPolyfillSupport;sn?.(J,W),(Me.litHtmlVersions??=[]).push("3.3.3");var ct=(n,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let i=t?.renderBefore??null;s._$litPart$=r=new W(e.insertBefore(Q(),i),i,void 0,t??{})}return r._$AI(n),r};var Ne=globalThis,T=class extends z{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=ct(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return M}};T._$litElement$=!0,T.finalized=!0,Ne.litElementHydrateSupport?.({LitElement:T});var rn=Ne.litElementPolyfillSupport;rn?.({LitElement:T});(Ne.litElementVersions??=[]).push("4.2.2");var ut={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},ht=n=>(...e)=>({_$litDirective$:n,values:e}),fe=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:an}=lt,pt=n=>n;var gt=()=>document.createComment(""),L=(n,e,t)=>{let s=n._$AA.parentNode,r=e===void 0?n._$AB:e._$AA;if(t===void 0){let i=s.insertBefore(gt(),r),a=s.insertBefore(gt(),r);t=new an(i,a,n,n.options)}else{let i=t._$AB.nextSibling,a=t._$AM,o=a!==n;if(o){let d;t._$AQ?.(n),t._$AM=n,t._$AP!==void 0&&(d=n._$AU)!==a._$AU&&t._$AP(d)}if(i!==r||o){let d=t._$AA;for(;d!==i;){let c=pt(d).nextSibling;pt(s).insertBefore(d,r),d=c}}}return t},P=(n,e,t=n)=>(n._$AI(e,t),n),on={},mt=(n,e=on)=>n._$AH=e,ft=n=>n._$AH,_e=n=>{n._$AR(),n._$AA.remove()};var _t=(n,e,t)=>{let s=new Map;for(let r=e;r<=t;r++)s.set(n[r],r);return s},Ue=ht(class extends fe{constructor(n){if(super(n),n.type!==ut.CHILD)throw Error("repeat() can only be used in text expressions")}dt(n,e,t){let s;t===void 0?t=e:e!==void 0&&(s=e);let r=[],i=[],a=0;for(let o of n)r[a]=s?s(o,a):a,i[a]=t(o,a),a++;return{values:i,keys:r}}render(n,e,t){return this.dt(n,e,t).values}update(n,[e,t,s]){let r=ft(n),{values:i,keys:a}=this.dt(e,t,s);if(!Array.isArray(r))return this.ut=a,i;let o=this.ut??=[],d=[],c,h,l=0,p=r.length-1,m=0,y=i.length-1;for(;l<=p&&m<=y;)if(r[l]===null)l++;else if(r[p]===null)p--;else if(o[l]===a[m])d[m]=P(r[l],i[m]),l++,m++;else if(o[p]===a[y])d[y]=P(r[p],i[y]),p--,y--;else if(o[l]===a[y])d[y]=P(r[l],i[y]),L(n,d[y+1],r[l]),l++,y--;else if(o[p]===a[m])d[m]=P(r[p],i[m]),L(n,r[l],r[p]),p--,m++;else if(c===void 0&&(c=_t(a,m,y),h=_t(o,l,p)),c.has(o[l]))if(c.has(o[p])){let _=h.get(a[m]),b=_!==void 0?r[_]:null;if(b===null){let A=L(n,r[l]);P(A,i[m]),d[m]=A}else d[m]=P(b,i[m]),L(n,r[l],b),r[_]=null;m++}else _e(r[p]),p--;else _e(r[l]),l++;for(;m<=y;){let _=L(n,d[y+1]);P(_,i[m]),d[m++]=_}for(;l<=p;){let _=r[l++];_!==null&&_e(_)}return this.ut=a,mt(n,d),M}});function yt(n){let{t:e,broker:t,bridge:s,language:r}=n,i=e(t==="on"?"connected":t==="off"?"disconnected":"unknown"),a=e(s==="on"?"online":s==="off"?"offline":s==="unknown"?"not_seen":"unknown"),o=n.status?.last_run??{},d=n.running,c=[];if(d)c.push(e("status_running"));else if(o.status){let h=`status_${o.status}`;c.push(e(h)===h?o.status:e(h)),o.success&&(c.push(e("changes_read",{n:n.count(o.events_analysed??0)})),c.push(e("new_suggestions",{n:o.suggestions_generated??0})))}return g`
    <h2 class="card-title">${e("card_name")}</h2>
    <div class="header">
      <div class="health">
        <span class="pill broker"><span class="dot ${t==="on"?"ok":"bad"}"></span>${e("broker")}: ${i}</span>
        <span class="pill bridge"><span class="dot ${s==="on"?"ok":s==="off"?"bad":"warn"}"></span>${e("bridge")}: ${a}</span>
      </div>
      <div class="run">
        <span class="last-run">${e("last_analysis")}:
          <strong title=${o.timestamp?new Date(o.timestamp).toLocaleString(r):""}>${o.timestamp?dn(o.timestamp,r):e("never")}</strong>${c.map(h=>g` · <span class="fact">${h}</span>`)}</span>
        <button class="run-analysis" ?disabled=${d} @click=${n.onRun}>
          ${e(d?"running":"run_analysis")}
        </button>
      </div>
    </div>
  `}function dn(n,e){let t=(new Date(n).getTime()-Date.now())/1e3,s=new Intl.RelativeTimeFormat(e,{numeric:"auto"}),r=[["day",86400],["hour",3600],["minute",60]];for(let[i,a]of r)if(Math.abs(t)>=a)return s.format(Math.round(t/a),i);return s.format(Math.min(0,Math.round(t)),"second")}function bt(n,e,t){let s=n?.last_run??{};if(!s.status)return e("no_run");if(s.status==="failed")return e("failed",{error:s.error??""});let r=s.history_days;return r!=null&&n&&r<n.min_days?e("short_history",{days:Math.floor(r),min:n.min_days}):e("nothing_found",{events:t(s.events_analysed??0)})}var Ie={card_name:"AI Automation",card_description:"Automation suggestions with the evidence behind them: accept, dismiss, run the analysis.",broker:"MQTT broker",bridge:"Zigbee2MQTT",connected:"connected",disconnected:"disconnected",online:"online",offline:"offline",not_seen:"not seen yet",unknown:"unknown",last_analysis:"Last analysis",never:"never",status_success:"success",status_no_data:"no history",status_failed:"failed",status_running:"running",changes_read:"{n} changes read",new_suggestions:"{n} new",run_analysis:"Run analysis",running:"Analysing…",no_run:"No analysis has run yet. Run one now, or wait for the daily run.",short_history:"History since {days} days; habits need at least {min} days. The daily analysis keeps looking.",nothing_found:"No open suggestions. The last analysis read {events} changes and found nothing new.",failed:"The last analysis failed: {error}",not_loaded:"AI Automation is not set up or not running.",load_error:"Could not load the suggestions: {error}",kind_habit:"Habit",kind_sequence:"Sequence",kind_unused_capability:"Unused capability",kind_sun:"Sun",kind_presence:"Presence",kind_group:"Group",kind_override:"Undone automation",sunset:"sunset",sunrise:"sunrise",at_event:"at {event}",after_event:"{min} min after {event}",before_event:"{min} min before {event}",sun_spread:"{relative}, usually within {spread} min of it (by the clock within {clock} min)",backtest_days:"right on {right} of the last {total} days, wrong on {wrong}",backtest_days_near:"right on {right} of the last {total} days, near on {near}, wrong on {wrong}",backtest_times:"right {right} of the last {total} times, wrong {wrong}",right:"right",near:"near",wrong:"wrong",together:"done together {n} times ({share} %)",started_habit:"starts at the usual time",started_sun:"starts with the sun",started_sequence:"starts with the trigger",started_first:"starts when the first one changes",override_picture:"undone on {undone} of the {acted} days it acted",undone:"undone",kept:"kept",someone_home:"only while someone is home",first_arrives:"the first person arrives",last_leaves:"the last person leaves",arrives:"{name} arrives",leaves:"{name} leaves",show_automation:"The automation it creates",no_automation:"A hint: there is no automation to create.",accept:"Accept",dismiss:"Dismiss",snooze:"Snooze",created:"Automation created: {title}",snoozed_notice:"Snoozed for {days} days: {title}",dismissed_notice:"Dismissed: {title}",undo:"Undo",open_editor:"Open in the automation editor",action_failed:"That did not work: {error}",habit_picture:"Times over {days} days, one row per day; suggested {from}–{to}",suggested_time:"suggested time",other_days:"other days",delay_picture:"Delays between trigger and action, {n} times; counted within {window}",seconds_after:"seconds after the trigger",typical:"typically {s} s",capability_picture:"{device}: {capability}, unchanged in use",range:"range",values:"values",unchanged:"never changed while in use",always:"always {value}",kinds:"Kinds of suggestions (none: all)",areas:"Areas (none: all)",max_suggestions:"How many suggestions",show_header:"Show the status header",more:"{n} more open"},ln={card_name:"AI Automation",card_description:"Automatisierungsvorschläge mit ihren Belegen: annehmen, verwerfen, Analyse starten.",broker:"MQTT-Broker",bridge:"Zigbee2MQTT",connected:"verbunden",disconnected:"getrennt",online:"online",offline:"offline",not_seen:"noch nicht gesehen",unknown:"unbekannt",last_analysis:"Letzte Analyse",never:"noch nie",status_success:"erfolgreich",status_no_data:"kein Verlauf",status_failed:"fehlgeschlagen",status_running:"läuft",changes_read:"{n} Änderungen gelesen",new_suggestions:"{n} neu",run_analysis:"Analyse starten",running:"Analysiere …",no_run:"Es lief noch keine Analyse. Starte jetzt eine oder warte auf die tägliche.",short_history:"Verlauf seit {days} Tagen; Gewohnheiten brauchen mindestens {min} Tage. Die tägliche Analyse sucht weiter.",nothing_found:"Keine offenen Vorschläge. Die letzte Analyse hat {events} Änderungen gelesen und nichts Neues gefunden.",failed:"Die letzte Analyse ist fehlgeschlagen: {error}",not_loaded:"AI Automation ist nicht eingerichtet oder läuft nicht.",load_error:"Die Vorschläge konnten nicht geladen werden: {error}",kind_habit:"Gewohnheit",kind_sequence:"Abfolge",kind_unused_capability:"Ungenutzte Funktion",kind_sun:"Sonne",kind_presence:"Anwesenheit",kind_group:"Gruppe",kind_override:"Rückgängig gemachte Automatisierung",sunset:"Sonnenuntergang",sunrise:"Sonnenaufgang",at_event:"bei {event}",after_event:"{min} min nach {event}",before_event:"{min} min vor {event}",sun_spread:"{relative}, meist auf {spread} min genau (nach der Uhr auf {clock} min)",backtest_days:"an {right} der letzten {total} Tage richtig, an {wrong} falsch",backtest_days_near:"an {right} der letzten {total} Tage richtig, an {near} knapp, an {wrong} falsch",backtest_times:"{right} der letzten {total} Male richtig, {wrong} falsch",right:"richtig",near:"knapp",wrong:"falsch",together:"{n}-mal zusammen ({share} %)",started_habit:"beginnt zur üblichen Zeit",started_sun:"beginnt mit der Sonne",started_sequence:"beginnt mit dem Auslöser",started_first:"beginnt, wenn sich das Erste ändert",override_picture:"an {undone} der {acted} Tage rückgängig gemacht, an denen sie lief",undone:"rückgängig",kept:"behalten",someone_home:"nur wenn jemand zu Hause ist",first_arrives:"die erste Person kommt nach Hause",last_leaves:"die letzte Person geht",arrives:"{name} kommt nach Hause",leaves:"{name} geht",show_automation:"Die Automatisierung, die entsteht",no_automation:"Ein Hinweis: Es gibt keine Automatisierung zu erstellen.",accept:"Annehmen",dismiss:"Verwerfen",snooze:"Später",created:"Automatisierung erstellt: {title}",snoozed_notice:"Für {days} Tage zurückgestellt: {title}",dismissed_notice:"Verworfen: {title}",undo:"Rückgängig",open_editor:"Im Automatisierungseditor öffnen",action_failed:"Das hat nicht geklappt: {error}",habit_picture:"Zeiten über {days} Tage, eine Zeile pro Tag; vorgeschlagen {from}–{to}",suggested_time:"vorgeschlagene Zeit",other_days:"andere Tage",delay_picture:"Verzögerung zwischen Auslöser und Aktion, {n}-mal; gezählt innerhalb von {window}",seconds_after:"Sekunden nach dem Auslöser",typical:"meist {s} s",capability_picture:"{device}: {capability}, im Betrieb unverändert",range:"Bereich",values:"Werte",unchanged:"im Betrieb nie verändert",always:"immer {value}",kinds:"Arten von Vorschlägen (keine: alle)",areas:"Bereiche (keine: alle)",max_suggestions:"Wie viele Vorschläge",show_header:"Statuszeile anzeigen",more:"{n} weitere offen"},cn={card_name:"AI Automation",card_description:"Automatiseringsvoorstellen met het bewijs erachter: accepteren, afwijzen, analyse starten.",broker:"MQTT-broker",bridge:"Zigbee2MQTT",connected:"verbonden",disconnected:"niet verbonden",online:"online",offline:"offline",not_seen:"nog niet gezien",unknown:"onbekend",last_analysis:"Laatste analyse",never:"nog nooit",status_success:"gelukt",status_no_data:"geen geschiedenis",status_failed:"mislukt",status_running:"bezig",changes_read:"{n} wijzigingen gelezen",new_suggestions:"{n} nieuw",run_analysis:"Analyse starten",running:"Bezig met analyseren…",no_run:"Er is nog geen analyse gedaan. Start er nu een, of wacht op de dagelijkse.",short_history:"Geschiedenis sinds {days} dagen; gewoontes hebben minstens {min} dagen nodig. De dagelijkse analyse blijft zoeken.",nothing_found:"Geen open voorstellen. De laatste analyse las {events} wijzigingen en vond niets nieuws.",failed:"De laatste analyse is mislukt: {error}",not_loaded:"AI Automation is niet ingesteld of draait niet.",load_error:"De voorstellen konden niet worden geladen: {error}",kind_habit:"Gewoonte",kind_sequence:"Volgorde",kind_unused_capability:"Ongebruikte functie",kind_sun:"Zon",kind_presence:"Aanwezigheid",kind_group:"Groep",kind_override:"Teruggedraaide automatisering",sunset:"zonsondergang",sunrise:"zonsopkomst",at_event:"bij {event}",after_event:"{min} min na {event}",before_event:"{min} min voor {event}",sun_spread:"{relative}, meestal binnen {spread} min ervan (op de klok binnen {clock} min)",backtest_days:"goed op {right} van de laatste {total} dagen, fout op {wrong}",backtest_days_near:"goed op {right} van de laatste {total} dagen, bijna op {near}, fout op {wrong}",backtest_times:"{right} van de laatste {total} keer goed, {wrong} fout",right:"goed",near:"bijna",wrong:"fout",together:"{n} keer samen ({share} %)",started_habit:"begint op de gewone tijd",started_sun:"begint met de zon",started_sequence:"begint met de trigger",started_first:"begint als de eerste verandert",override_picture:"teruggedraaid op {undone} van de {acted} dagen dat ze iets deed",undone:"teruggedraaid",kept:"behouden",someone_home:"alleen als er iemand thuis is",first_arrives:"de eerste persoon komt thuis",last_leaves:"de laatste persoon vertrekt",arrives:"{name} komt thuis",leaves:"{name} vertrekt",show_automation:"De automatisering die ontstaat",no_automation:"Een tip: er is geen automatisering om te maken.",accept:"Accepteren",dismiss:"Afwijzen",snooze:"Later",created:"Automatisering gemaakt: {title}",snoozed_notice:"{days} dagen uitgesteld: {title}",dismissed_notice:"Afgewezen: {title}",undo:"Ongedaan maken",open_editor:"Openen in de automatiseringseditor",action_failed:"Dat lukte niet: {error}",habit_picture:"Tijden over {days} dagen, één rij per dag; voorgesteld {from}–{to}",suggested_time:"voorgestelde tijd",other_days:"andere dagen",delay_picture:"Vertraging tussen trigger en actie, {n} keer; geteld binnen {window}",seconds_after:"seconden na de trigger",typical:"meestal {s} s",capability_picture:"{device}: {capability}, ongewijzigd in gebruik",range:"bereik",values:"waarden",unchanged:"tijdens gebruik nooit gewijzigd",always:"altijd {value}",kinds:"Soorten voorstellen (geen: alle)",areas:"Ruimtes (geen: alle)",max_suggestions:"Hoeveel voorstellen",show_header:"Statusregel tonen",more:"nog {n} open"},un={en:Ie,de:ln,nl:cn};function X(n){let e=un[(n??"en").split("-")[0]]??Ie;return(t,s={})=>(e[t]??Ie[t]??t).replace(/\{(\w+)\}/g,(r,i)=>i in s?String(s[i]):r)}function vt(){return typeof navigator<"u"?navigator.language:"en"}function B(n){let e=n.replace(/_/g," ");return e.charAt(0).toUpperCase()+e.slice(1)}var hn=["habit","sequence","sun","group","unused_capability","override"];async function pn(){if(customElements.get("ha-form"))return;await(await window.loadCardHelpers?.())?.createCardElement({type:"entities",entities:[]})?.constructor?.getConfigElement?.()}var ee=class extends T{setConfig(e){this._config=e}connectedCallback(){super.connectedCallback(),pn().then(()=>this.requestUpdate())}render(){if(!this.hass||!this._config)return u;let e=X(this.hass.locale?.language??this.hass.language),t=[{name:"kinds",selector:{select:{multiple:!0,mode:"list",options:hn.map(r=>({value:r,label:e(`kind_${r}`)}))}}},{name:"areas",selector:{area:{multiple:!0}}},{name:"max_suggestions",selector:{number:{min:1,max:50,mode:"box"}}},{name:"show_header",selector:{boolean:{}}}],s={show_header:!0,max_suggestions:5,...this._config};return g`<ha-form
      .hass=${this.hass}
      .data=${s}
      .schema=${t}
      .computeLabel=${r=>e(r.name)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation();let t={...this._config,...e.detail.value};for(let s of["kinds","areas"])t[s]?.length||delete t[s];this._config=t,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:t},bubbles:!0,composed:!0}))}};ee.properties={hass:{attribute:!1},_config:{state:!0}};var $t={comma_decimal:["en-US","en"],decimal_comma:["de","es","it"],space_comma:["fr","sv","cs"],system:void 0};function wt(n,e){let t=e.number_format;if(t==="none")return String(n);let s=t!==void 0&&t in $t?$t[t]:e.language;try{return new Intl.NumberFormat(s,{maximumFractionDigits:0}).format(n)}catch{return String(n)}}function te(n){return Math.max(Math.round(n),1)}var xt=O`
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
`;var gn=O`
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
  .fact {
    white-space: nowrap; /* "353 changes read" stays on one line on a phone */
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
`,mn=O`
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
`,kt=[gn,xt,mn];var fn=/^[A-Za-z0-9_][A-Za-z0-9_ .:/+-]*$/,_n=/^(true|false|yes|no|on|off|null|~|[0-9.:+-]+)$/i;function Oe(n){if(n==null)return"null";if(typeof n=="number"||typeof n=="boolean")return String(n);let e=String(n);return fn.test(e)&&!_n.test(e)&&!e.endsWith(" ")&&!e.includes(": ")?e:JSON.stringify(e)}function We(n,e){return Array.isArray(n)?n.length?n.flatMap(t=>{let s=We(t,e+"  ");return t!==null&&typeof t=="object"&&s.length?[`${e}- ${s[0].trimStart()}`,...s.slice(1)]:[`${e}- ${Oe(t)}`]}):[]:n!==null&&typeof n=="object"?Object.entries(n).flatMap(([t,s])=>(Array.isArray(s)?!s.length:s!==null&&typeof s=="object"&&!Object.keys(s).length)?[`${e}${t}: ${Array.isArray(s)?"[]":"{}"}`]:s!==null&&typeof s=="object"?[`${e}${t}:`,...We(s,e+"  ")]:[`${e}${t}: ${Oe(s)}`]):[`${e}${Oe(n)}`]}function At(n){let{alias:e,description:t,...s}=n;return We(s,"").join(`
`)}var yn=["right","near","wrong"];function St(n){return yn.includes(n)?n:"wrong"}function bn(n,e){if(n.backtest_days?.length){let s=new Intl.DateTimeFormat(e,{weekday:"short",day:"numeric",month:"short"});return{unit:"days",cells:n.backtest_days.map(r=>{let i=new Date(`${r.date}T12:00:00`);return{result:St(r.result),label:s.format(i),day:i}})}}let t=new Intl.DateTimeFormat(e,{weekday:"short",hour:"2-digit",minute:"2-digit"});return{unit:"times",cells:(n.backtest_triggers??[]).map(s=>({result:St(s.result),label:t.format(new Date(s.at*1e3))}))}}function Tt(n,e,t){let{cells:s,unit:r}=bn(n,t);if(!s.length)return u;let i=b=>s.filter(A=>A.result===b).length,a=n.backtest_right??i("right"),o=n.backtest_near??i("near"),d=n.backtest_wrong??i("wrong"),h=e(r==="days"?o?"backtest_days_near":"backtest_days":"backtest_times",{right:a,near:o,wrong:d,total:s.length}),l=s.length<=40?2:0,p=Math.max(Math.min(14,312/s.length-l),.5),m=r==="days"&&s.length<=14,y=p+4+(m?12:0),_=new Intl.DateTimeFormat(t,{weekday:"narrow"});return g`
    <figure class="picture backtest">
      <svg viewBox="0 0 ${320} ${y}" role="img" aria-label=${h}>
        <title>${h}</title>
        ${s.map((b,A)=>w`<rect class="cell ${b.result}" x=${4+A*(p+l)} y="2" width=${p} height=${p} rx=${l?2:0}><title>${b.label}: ${e(b.result)}</title></rect>`)}
        ${m?s.map((b,A)=>b.day?w`<text class="axis" x=${4+A*(p+l)+p/2} y=${y-1} text-anchor="middle">${_.format(b.day)}</text>`:u):u}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch right"></span>${e("right")}</span>
        ${o?g`<span class="key"><span class="swatch near"></span>${e("near")}</span>`:u}
        <span class="key"><span class="swatch wrong"></span>${e("wrong")}</span>
        <span class="key backtest-text">${h}</span>
      </figcaption>
    </figure>
  `}function Et(n,e){let t=n.label||B(n.property),s=n.unit??"",{min:r,max:i,value:a}=n,o=typeof r=="number"&&typeof i=="number"&&i>r,d=o&&typeof a=="number"&&a>=r&&a<=i,c=a==null||typeof a=="object"?"":e("always",{value:typeof a=="number"&&s?`${a} ${s}`:a}),h=e("capability_picture",{device:n.device,capability:t}),l=d?8+(a-r)/(i-r)*304:0;return g`
    <figure class="picture capability" role="img" aria-label=${h}>
      <div class="device">
        <svg viewBox="0 0 24 24" class="chip-icon" aria-hidden="true">
          <path d="M12,2A7,7 0 0,0 5,9C5,11.38 6.19,13.47 8,14.74V17A1,1 0 0,0 9,18H15A1,1 0 0,0 16,17V14.74C17.81,13.47 19,11.38 19,9A7,7 0 0,0 12,2M9,21A1,1 0 0,0 10,22H14A1,1 0 0,0 15,21V20H9V21Z"></path>
        </svg>
        <span class="device-name">${n.device}</span>
        <span class="capability-name">${t}</span>
      </div>
      ${o?g`<svg viewBox="0 0 ${320} 34" aria-hidden="true">
            <rect class="range" x="8" y="8" width=${304} height="8" rx="4"></rect>
            ${d?w`<circle class="usual" cx=${l} cy="12" r="6"></circle>`:u}
            <text class="axis" x="8" y="30">${r} ${s}</text>
            <text class="axis" x=${312} y="30" text-anchor="end">${i} ${s}</text>
          </svg>`:u}
      ${n.values?.length?g`<div class="values">
            ${n.values.map(p=>g`<span class=${p===a?"value usual":"value"}>${p}</span>`)}
          </div>`:u}
      <figcaption>
        <span class="key"><span class="swatch unused"></span>${e("unchanged")}</span>
        ${c?g`<span class="key seen"><span class="swatch usual"></span>${c}</span>`:u}
      </figcaption>
    </figure>
  `}function vn(n){return n<90?`${Math.round(n)} s`:`${Math.round(n/60)} min`}function $n(n,e){return e("typical",{s:Math.round(n)})}function Ct(n,e,t){let a=288,o=72,d=n.counts.reduce((_,b)=>_+b,0),c=Math.max(...n.counts,1),h=n.bin_seconds*n.counts.length||1,l=_=>24+Math.min(_,h)/h*a,p=a/Math.max(n.counts.length,1),m=t("delay_picture",{n:d,window:vn(n.window_seconds)}),y=[0,h/2,h];return g`
    <figure class="picture">
      <svg viewBox="0 0 ${320} ${96}" role="img" aria-label=${m}>
        <title>${m}</title>
        <rect class="window" x=${24} y="6" width=${l(n.window_seconds)-24} height=${o}></rect>
        ${n.counts.map((_,b)=>{let A=_/c*(o-4);return w`<rect class="bar" x=${24+b*p+1} y=${6+o-A} width=${Math.max(p-2,1)} height=${A}><title>${b*n.bin_seconds}–${(b+1)*n.bin_seconds} s: ${_}</title></rect>`})}
        <line class="grid" x1=${24} x2=${312} y1=${6+o} y2=${6+o}></line>
        ${e!==void 0?w`<line class="median" x1=${l(e)} x2=${l(e)} y1="6" y2=${6+o}></line>`:u}
        ${y.map((_,b)=>w`<text class="axis" x=${l(_)} y=${91} text-anchor=${["start","middle","end"][b]}>${Math.round(_)} s</text>`)}
        <text class="axis" x=${20} y="12" text-anchor="end">${c}</text>
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar"></span>${t("seconds_after")}</span>
        ${e!==void 0?g`<span class="key"><span class="swatch median"></span>${$n(e,t)}</span>`:u}
        <span class="key"><span class="swatch window"></span>${m.split(";")[1]?.trim()??""}</span>
      </figcaption>
    </figure>
  `}function zt(n,e){let t=n.members??[];if(!t.length)return u;let{t:s}=e,r=`started_${n.started_by??""}`,i=n.started_by&&s(r)!==r?s(r):"";return g`
    <figure class="picture group">
      <ul class="members">
        ${t.map(a=>g`<li class="member" data-entity=${a.entity_id}>
            <span class="member-name">${e.name(a.entity_id)}</span>
            <span class="member-state">${e.state(a.entity_id,a.state)}</span>
          </li>`)}
      </ul>
      <figcaption>
        ${typeof n.together=="number"?g`<span class="key">${s("together",{n:n.together,share:Math.round((n.share??0)*100)})}</span>`:u}
        ${i?g`<span class="key">${i}</span>`:u}
      </figcaption>
    </figure>
  `}var be=44,ve={all:[0,1,2,3,4,5,6],weekdays:[1,2,3,4,5],weekends:[0,6]},wn={sun:0,mon:1,tue:2,wed:3,thu:4,fri:5,sat:6};function xn(n){if(n===void 0)return ve.all;if(ve[n])return ve[n];let e=n.split(",").map(t=>wn[t.trim()]).filter(t=>t!==void 0);return e.length?e:ve.all}function $e(n){let e=(Math.round(n)%1440+1440)%1440;return`${String(Math.floor(e/60)).padStart(2,"0")}:${String(e%60).padStart(2,"0")}`}function kn(n){let[e,t]=n;return e<=t?[[e,t]]:[[e,1440],[0,t]]}function ne(n){return(n%1440+1440)%1440}var An=240;function Sn(n,e){let t;if(n.band)t=we(n.band);else if(typeof e.median_time=="string"&&/^\d{1,2}:\d{2}/.test(e.median_time)){let[r,i]=e.median_time.split(":").map(Number);t=r*60+i}else if(n.times.length){let r=n.times.map(([,o])=>o/1440*2*Math.PI),i=r.reduce((o,d)=>o+Math.sin(d),0),a=r.reduce((o,d)=>o+Math.cos(d),0);t=ne(Math.atan2(i,a)/(2*Math.PI)*1440)}return t===void 0?0:Math.min(ne(t),1440-ne(t))<An?720:0}function we(n){return n[0]+((n[1]-n[0])%1440+1440)%1440/2}function Rt(n,e,t,s){let r=Math.max(n.days,1),i=r<=21?11:Math.max(3,230/r),a=4,o=r*i,d=a+o+15,c=320-be-8,h=Sn(n,e),l=f=>be+f/1440*c,p=f=>ne(f-h),m=(f,x)=>h&&ne(x)<h?f-1:f,y=f=>kn([p(f[0]),p(f[1])]),_=f=>a+f*i+i/2,b=xn(e.days),A=new Date(`${n.first_day}T12:00:00`),Ae=new Intl.DateTimeFormat(s,{weekday:"short"}),Se=Array.from({length:r},(f,x)=>{let S=new Date(A.getTime()+x*864e5);return{day:x,date:S,counted:b.includes(S.getDay())&&!n.unrecorded?.includes(x)}}),qt=i>=10?1:7,Gt=Math.min(3,i/2-.3),C=n.band,qe=C?t("habit_picture",{days:r,from:$e(C[0]),to:$e(C[1])}):t("habit_picture",{days:r,from:e.median_time??"",to:e.median_time??""}),Te=[],re=[],ie=Tn(e,t),ae=e.offset_minutes;if(n.bands)n.bands.forEach((f,x)=>{if(!f)return;let S=m(x,we(f));if(S<0||S>=r)return;let q=a+S*i;for(let[G,Kt]of y(f))Te.push(w`<rect class="band" x=${l(G)} y=${q} width=${Math.max(l(Kt)-l(G),1.5)} height=${i}></rect>`);if(ie&&typeof ae=="number"){let G=p(we(f)-ae);re.push(w`<line class="sun" x1=${l(G)} x2=${l(G)} y1=${q} y2=${q+i}></line>`)}});else if(C){for(let[f,x]of y(C))Te.push(w`<rect class="band" x=${l(f)} y=${a} width=${Math.max(l(x)-l(f),1.5)} height=${o}></rect>`);if(ie&&typeof ae=="number"){let f=p(we(C)-ae);re.push(w`<line class="sun" x1=${l(f)} x2=${l(f)} y1=${a} y2=${a+o}></line>`)}}return g`
    <figure class="picture">
      <svg viewBox="0 0 ${320} ${d}" role="img" aria-label=${qe}>
        <title>${qe}</title>
        ${Se.map(({day:f,counted:x})=>w`<rect class=${x?"row":"row other"} x=${be} y=${a+f*i} width=${c} height=${i}></rect>`)}
        ${Te}
        ${[0,6,12,18,24].map(f=>w`
            <line class="grid" x1=${l(f*60)} x2=${l(f*60)} y1=${a} y2=${a+o}></line>
            <text class="axis" x=${l(f*60)} y=${d-3} text-anchor=${f===24?"end":f===0?"start":"middle"}>${String(h?(h/60+f)%24:f).padStart(2,"0")}</text>`)}
        ${Se.map(({day:f,date:x,counted:S})=>f%qt===0||f===r-1?w`<text class=${S?"day":"day other"} x=${be-4} y=${_(f)+2.5} text-anchor="end">${Ae.format(x)} ${x.getDate()}</text>`:u)}
        ${re}
        ${n.times.map(([f,x])=>{let S=m(f,x);if(S<0||S>=r)return u;let q=Se[f]?.counted??!0;return w`<circle class=${q?"dot":"dot other"} cx=${l(p(x))} cy=${_(S)} r=${Gt}></circle>`})}
      </svg>
      <figcaption>
        ${C?g`<span class="key"><span class="swatch band"></span>${t("suggested_time")}
              ${$e(C[0])}–${$e(C[1])}</span>`:u}
        ${b.length<7?g`<span class="key"><span class="swatch other"></span>${t("other_days")}</span>`:u}
        ${ie?g`<span class="key sun-text">${re.length?g`<span class="swatch sun"></span>`:u}${ie}</span>`:u}
      </figcaption>
    </figure>
  `}function Tn(n,e){let{event:t,offset_minutes:s}=n;if(typeof t!="string"||typeof s!="number")return;let r=t==="sunset"||t==="sunrise"?e(t):t,i=Math.round(s),a=i===0?e("at_event",{event:r}):e(i>0?"after_event":"before_event",{min:Math.abs(i),event:r}),o=n.spread_minutes,d=n.clock_spread_minutes;return typeof o!="number"||typeof d!="number"?a:e("sun_spread",{relative:a,spread:te(o),clock:te(d)})}function Mt(n,e){let t=n.acted_days,s=n.undone_days;if(typeof t!="number"||typeof s!="number"||t<1)return u;let r=e("override_picture",{undone:s,acted:t}),i=Math.max(Math.min(14,312/t-2),1);return g`
    <figure class="picture override">
      <svg viewBox="0 0 ${320} ${i+4}" role="img" aria-label=${r}>
        <title>${r}</title>
        ${Array.from({length:t},(a,o)=>w`<rect class=${o<s?"cell undone":"cell kept"} x=${4+o*(i+2)} y="2" width=${i} height=${i} rx="2"></rect>`)}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch undone"></span>${e("undone")}</span>
        <span class="key"><span class="swatch kept"></span>${e("kept")}</span>
        <span class="key override-text">${r}</span>
        ${n.suggestion_id?g`<a class="key" href="/config/automation/edit/ai_automation_${n.suggestion_id}">${e("open_editor")}</a>`:u}
      </figcaption>
    </figure>
  `}function Pt(n,e){let{t}=e,s=n.automation??{},r=[],i=Array.isArray(s.triggers)?s.triggers:[];for(let o of i){let d=o.entity_id,c=String(o.to??"");if(typeof d!="string")continue;let h=d.split(".",1)[0];d==="zone.home"&&c==="0"?r.push(t("last_leaves")):d==="zone.home"&&c==="1"?r.push(t("first_arrives")):(h==="person"||h==="device_tracker")&&(c==="home"||c==="not_home")&&r.push(t(c==="home"?"arrives":"leaves",{name:e.name(d)}))}return((Array.isArray(s.conditions)?s.conditions:[]).some(o=>o.entity_id==="zone.home")||n.evidence?.away_days)&&r.push(t("someone_home")),r}function En(n){let e=n.day_times;if(!e?.length)return;let t=a=>Math.round(Date.parse(`${a}T00:00:00Z`)/864e5),s=[...e.map(a=>a.date),...(n.backtest_days??[]).map(a=>a.date)],r=Math.min(...s.map(t)),i=Math.max(...s.map(t));return{first_day:new Date(r*864e5).toISOString().slice(0,10),days:i-r+1,times:e.map(a=>[t(a.date)-r,a.minute])}}function Ht(n,e){let{t,language:s}=e,r=n.series??En(n);return[zt(n,e),r?Rt(r,n,t,s):u,n.delays?Ct(n.delays,n.median_delay_seconds,t):u,n.capability?Et(n.capability,t):u,Tt(n,t,s),Mt(n,t)]}var Cn={color_temp:"Farbtemperatur von {device} folgt der Tageszeit",brightness:"{device} nachts dunkler",unchanged:"{device} kann {label} ändern, im Betrieb unverändert",used:"{device} war in den letzten {period} Tagen an {n} Tagen in Betrieb, immer {value}.",used_part:"{device} war in den letzten {period} Tagen an {n} {part} in Betrieb, immer {value}.",part_0:"Nächten",part_1:"Vormittagen",part_2:"Nachmittagen",part_3:"Abenden",value_brightness:"mit {value} % Helligkeit",value_color:"in derselben Farbe",value_text:"auf „{value}“",value_number:"bei {value}",follow:" Sie könnte der Tageszeit folgen: tagsüber {day} K, nach Sonnenuntergang {evening} K und ab {start} {night} K.",night:" Zwischen {start} und {end} könnte sie mit {pct} % angehen."},zn={color_temp:"Kleurtemperatuur van {device} volgt het tijdstip van de dag",brightness:"{device} 's nachts gedimd",unchanged:"{device} kan {label} wijzigen, tijdens gebruik ongewijzigd",used:"{device} was in de laatste {period} dagen op {n} dagen in gebruik, altijd {value}.",used_part:"{device} was in de laatste {period} dagen op {n} {part} in gebruik, altijd {value}.",part_0:"nachten",part_1:"ochtenden",part_2:"middagen",part_3:"avonden",value_brightness:"op {value} % helderheid",value_color:"in dezelfde kleur",value_text:"op ‘{value}’",value_number:"op {value}",follow:" Hij zou het tijdstip kunnen volgen: overdag {day} K, na zonsondergang {evening} K en vanaf {start} {night} K.",night:" Tussen {start} en {end} zou hij op {pct} % aan kunnen gaan."},Rn={de:Cn,nl:zn};function E(n,e){return n.replace(/\{(\w+)\}/g,(t,s)=>s in e?String(e[s]):t)}function V(n,e,t=[]){if(Array.isArray(n))n.forEach(s=>V(s,e,t));else if(n&&typeof n=="object")for(let[s,r]of Object.entries(n))s===e?t.push(r):V(r,e,t);return t}function Mn(n,e,t,s){if(n==="brightness")return E(s.value_brightness,{value:String(e)});if(n==="color")return s.value_color;if(typeof e=="string")return E(s.value_text,{value:e});let r=t&&t!=="%"?` ${String(t)}`:typeof t=="string"?t:"";return E(s.value_number,{value:`${String(e)}${r}`})}function Dt(n,e){let t=Rn[e.split("-")[0].toLowerCase()],s=n.evidence??{},r=s.capability;if(!t||!r||typeof s.days_in_use!="number")return;let i=r.device,a=r.property,o=s.days_in_use,c=(Array.isArray(s.part_days)?s.part_days:[]).map((_,b)=>[_,b]).filter(([_])=>o&&_>=.6*o),h={device:i,period:Number(s.lookback_days??0),value:Mn(a,r.value??s.value,r.unit??s.unit,t)},l=c.length===1?E(t.used_part,{...h,n:c[0][0],part:t[`part_${c[0][1]}`]}):E(t.used,{...h,n:o}),p=n.automation;if(!p)return[E(t.unchanged,{device:i,label:r.label??a.replace(/_/g," ")}),l];let m=V(p,"after").filter(_=>typeof _=="string"&&_.includes(":")),y=V(p,"before").filter(_=>typeof _=="string");if(a==="color_temp"){let _=V(p,"color_temp_kelvin");if(_.length!==3||!m.length)return;let[b,A,Ae]=_;return l+=E(t.follow,{day:Ae,evening:A,night:b,start:m[0].slice(0,5)}),[E(t.color_temp,{device:i}),l]}if(a==="brightness"){let _=V(p,"brightness_pct")[0];return typeof _!="number"||!m.length||!y.length?void 0:(l+=E(t.night,{start:m[0].slice(0,5),end:y[0].slice(0,5),pct:_}),[E(t.brightness,{device:i}),l])}}var Pn={on:"{name} einschalten",off:"{name} ausschalten",open:"{name} öffnen",closed:"{name} schließen",locked:"{name} abschließen",unlocked:"{name} aufschließen",playing:"{name} abspielen",paused:"{name} pausieren",set:"{name} auf {state} stellen",and:"und",around:"gegen {time}",every_day:"jeden Tag",on_weekdays:"an Werktagen",at_weekends:"am Wochenende",on_days:"an {days}",word_all:"Tagen",word_weekdays:"Werktagen",word_weekends:"Wochenendtagen",word_list:"Tagen ({days})",someone_home:", wenn jemand zu Hause ist",at_sunset:"bei Sonnenuntergang",at_sunrise:"bei Sonnenaufgang",after_sunset:"{n} min nach Sonnenuntergang",after_sunrise:"{n} min nach Sonnenaufgang",before_sunset:"{n} min vor Sonnenuntergang",before_sunrise:"{n} min vor Sonnenaufgang",when:"wenn {trigger}",last_leaves:"die letzte Person geht",first_arrives:"die erste Person ankommt",arrives:"{name} ankommt",leaves:"{name} geht",turns:"{name} zu „{state}“ wechselt",fires:"{name} auslöst",habit:"An {n} von {of} {word} gesehen, meist auf {spread} genau.",sun:"An {n} von {of} {word} {relative} gesehen, meist auf {spread} genau (nach der Uhr auf {clock}).",habit_backtest:" Hätte an {right} von den letzten {total} {word} gestimmt, an {wrong} nicht.",away:" Nie, während niemand zu Hause war (an {away} {word}).",away_one:" Nie, während niemand zu Hause war (an 1 Tag).",sequence:"Bei {n} von {of} Malen, meist {delay} später; {otherwise}.",second:"{n} Sekunde",seconds:"{n} Sekunden",minute:"{n} Minute",minutes:"{n} Minuten",when_for:"wenn {trigger} und {duration} lang so bleibt",almost_never:"sonst passiert es fast nie",rarely:"sonst passiert es selten",less_often:"sonst passiert es viel seltener",times_backtest:" In den letzten 7 Tagen hätte es {right} von {total} Malen gestimmt.",group:"{n} von {of} Malen zusammen gemacht (innerhalb einer Minute), an {days} verschiedenen Tagen.",override_title:"Automatisierung ändern oder entfernen: {automation}",override:"An {undone} von {acted} Tagen, an denen sie {name} schaltete, hat jemand es innerhalb von Minuten zurückgestellt."},Hn={on:"{name} aanzetten",off:"{name} uitzetten",open:"{name} openen",closed:"{name} sluiten",locked:"{name} vergrendelen",unlocked:"{name} ontgrendelen",playing:"{name} afspelen",paused:"{name} pauzeren",set:"{name} op {state} zetten",and:"en",around:"rond {time}",every_day:"elke dag",on_weekdays:"op werkdagen",at_weekends:"in het weekend",on_days:"op {days}",word_all:"dagen",word_weekdays:"werkdagen",word_weekends:"weekenddagen",word_list:"dagen ({days})",someone_home:" als er iemand thuis is",at_sunset:"bij zonsondergang",at_sunrise:"bij zonsopkomst",after_sunset:"{n} min na zonsondergang",after_sunrise:"{n} min na zonsopkomst",before_sunset:"{n} min voor zonsondergang",before_sunrise:"{n} min voor zonsopkomst",when:"als {trigger}",last_leaves:"de laatste persoon vertrekt",first_arrives:"de eerste persoon thuiskomt",arrives:"{name} thuiskomt",leaves:"{name} vertrekt",turns:"{name} naar ‘{state}’ gaat",fires:"{name} afgaat",habit:"Gezien op {n} van {of} {word}, meestal tot op {spread} nauwkeurig.",sun:"Gezien op {n} van {of} {word} {relative}, meestal tot op {spread} nauwkeurig (op de klok tot op {clock}).",habit_backtest:" Zou op {right} van de laatste {total} {word} goed zijn geweest, op {wrong} fout.",away:" Nooit als er niemand thuis was (op {away} {word}).",away_one:" Nooit als er niemand thuis was (op 1 dag).",sequence:"Na {n} van de {of} keer, meestal {delay} later; {otherwise}.",second:"{n} seconde",seconds:"{n} seconden",minute:"{n} minuut",minutes:"{n} minuten",when_for:"als {trigger} en dat {duration} zo blijft",almost_never:"anders gebeurt het bijna nooit",rarely:"anders gebeurt het zelden",less_often:"anders gebeurt het veel minder vaak",times_backtest:" In de laatste 7 dagen zou het {right} van de {total} keer goed zijn geweest.",group:"{n} van de {of} keer samen gedaan (binnen een minuut), op {days} verschillende dagen.",override_title:"Automatisering wijzigen of verwijderen: {automation}",override:"Op {undone} van de {acted} dagen dat ze {name} schakelde, zette iemand het binnen enkele minuten terug."},Dn={de:Pn,nl:Hn},Nt=["mon","tue","wed","thu","fri","sat","sun"],jn={turn_on:"on",turn_off:"off",open_cover:"open",close_cover:"closed",lock:"locked",unlock:"unlocked",media_play:"playing",media_pause:"paused"};function $(n,e){return n.replace(/\{(\w+)\}/g,(t,s)=>s in e?String(e[s]):t)}function Ut(n,e){return n.length<2?n[0]??"":`${n.slice(0,-1).join(", ")} ${e.and} ${n[n.length-1]}`}function Nn(n,e){let t=new Intl.DateTimeFormat(e,{weekday:"short"});return n.map(s=>t.format(new Date(2024,0,1+Math.max(Nt.indexOf(s),0))))}function It(n,e,t){let r=(n.conditions??[]).find(d=>d.condition==="time"&&Array.isArray(d.weekday)),i=r?r.weekday:Nt,a=i.join(",");if(i.length===7)return[e.every_day,e.word_all];if(a==="mon,tue,wed,thu,fri")return[e.on_weekdays,e.word_weekdays];if(a==="sat,sun")return[e.at_weekends,e.word_weekends];let o=Nn(i,t);return[$(e.on_days,{days:Ut(o,e)}),$(e.word_list,{days:o.join(", ")})]}function Un(n){return(n.conditions??[]).some(t=>t.condition==="numeric_state"&&t.entity_id==="zone.home")}function In(n){if(typeof n=="number")return Math.round(n/60);if(typeof n!="string"||!n)return 0;let e=n.startsWith("-"),[t=0,s=0,r=0]=n.replace(/^[-+]/,"").split(":").map(Number);return(e?-1:1)*Math.round(t*60+s+r/60)}function Ot(n,e){let t=n.event;if(t!=="sunset"&&t!=="sunrise")return;let s=In(n.offset);return s?$(e[`${s>0?"after":"before"}_${t}`],{n:Math.abs(s)}):e[`at_${t}`]}function On(n,e,t){let s=n.entity_id;if(typeof s!="string")return;let r=n.to===void 0?void 0:String(n.to),i=t.name(s);if(s==="zone.home"&&r==="0")return e.last_leaves;if(s==="zone.home"&&r==="1")return e.first_arrives;let a=s.split(".")[0];return(a==="person"||a==="device_tracker")&&(r==="home"||r==="not_home")?$(e[r==="home"?"arrives":"leaves"],{name:i}):r===void 0?$(e.fires,{name:i}):$(e.turns,{name:i,state:t.state(s,r)})}function Wn(n,e,t){let s=(n.triggers??[])[0];if(!s)return;let r=Un(n)?e.someone_home:"",[i]=It(n,e,t.language);if(s.trigger==="time"&&typeof s.at=="string")return`${$(e.around,{time:s.at.slice(0,5)})} ${i}${r}`;if(s.trigger==="sun"){let a=Ot(s,e);return a&&`${a} ${i}${r}`}if(s.trigger==="state"){let a=On(s,e,t);if(!a)return;if(s.for===void 0)return`${$(e.when,{trigger:a})}${r}`;let o=Bn(s.for);return o===void 0?void 0:`${$(e.when_for,{trigger:a,duration:Wt(o,e)})}${r}`}}function Ln(n,e,t){let s=new Map;for(let r of n.actions??[]){let i=String(r.action??""),a=r.target?.entity_id;if(typeof a!="string")return;let[o,d]=i.split("."),c=jn[d??""];if(o==="scene"&&(c="on"),o==="climate"&&d==="set_hvac_mode"&&(c=`set:${String(r.data?.hvac_mode??"")}`),!c)return;s.set(c,[...s.get(c)??[],a])}if(s.size)return[...s.entries()].map(([r,i])=>{let a=Ut(i.map(t.name),e);return r.startsWith("set:")?$(e.set,{name:a,state:t.state(i[0],r.slice(4))}):$(e[r],{name:a})}).join(` ${e.and} `)}function Bn(n){if(typeof n=="string"){let t=n.split(":").map(Number);return t.length!==3||t.some(s=>!Number.isFinite(s))?void 0:t[0]*3600+t[1]*60+t[2]}if(n===null||typeof n!="object")return;let e=n;return v(e.hours)*3600+v(e.minutes)*60+v(e.seconds)}function Wt(n,e){return n<90?Le("second",Math.round(n),e):Le("minute",Math.round(n/60),e)}function jt(n,e){return Le("minute",te(n),e)}function Le(n,e,t){return $(t[e===1?n:`${n}s`],{n:e})}function v(n){return typeof n=="number"&&Number.isFinite(n)?n:0}function Vn(n,e,t){let s=n.evidence??{},r=n.automation??{};if(s.distinct_days===void 0||s.eligible_days===void 0)return;let[,i]=It(r,e,t.language),a={n:v(s.distinct_days),of:v(s.eligible_days),word:i,spread:jt(v(s.spread_minutes),e)},o;if(n.kind==="sun"){let d=Ot({event:s.event,offset:v(s.offset_minutes)*60},e);if(!d)return;o=$(e.sun,{...a,relative:d,clock:jt(v(s.clock_spread_minutes),e)})}else o=$(e.habit,a);if(s.backtest_right!==void 0){let d=v(s.backtest_right),c=v(s.backtest_wrong),h=s.backtest_days?.length??d+v(s.backtest_near)+c;o+=$(e.habit_backtest,{right:d,wrong:c,total:h,word:i})}if(n.kind==="habit"&&v(s.away_days)){let d=v(s.away_days);o+=$(d===1?e.away_one:e.away,{away:d,word:i})}return o}function Lt(n,e){if(n.backtest_right===void 0)return"";let t=v(n.backtest_right);return $(e.times_backtest,{right:t,total:t+v(n.backtest_wrong)})}function qn(n,e){if(n.occurrences===void 0||n.trigger_count===void 0)return;let t=v(n.lift),s=t?v(n.confidence)/t:0,r=s<.02?e.almost_never:s<.1?e.rarely:e.less_often;return $(e.sequence,{n:v(n.occurrences),of:v(n.trigger_count),delay:Wt(v(n.median_delay_seconds),e),otherwise:r})+Lt(n,e)}function Gn(n,e){return n.together===void 0?void 0:$(e.group,{n:v(n.together),of:Math.max(v(n.times),v(n.together)),days:v(n.distinct_days)})+(n.started_by==="first"?Lt(n,e):"")}function Kn(n,e,t){let s=n.evidence??{},r=n.title.indexOf(": ");if(!(s.acted_days===void 0||r<0||!n.entities.length))return[$(e.override_title,{automation:n.title.slice(r+2)}),$(e.override,{undone:v(s.undone_days),acted:v(s.acted_days),name:t.name(n.entities[n.entities.length-1])})]}function xe(n,e){let t={title:n.title,description:n.description},s=Dn[e.language.split("-")[0].toLowerCase()];if(!s||n.ai_worded)return t;if(n.kind==="unused_capability"){let c=Dt(n,e.language);return c?{title:c[0],description:c[1]}:t}if(n.kind==="override"){let c=Kn(n,s,e);return c?{title:c[0],description:c[1]}:t}let r=n.automation;if(!r||!["habit","sun","sequence","group"].includes(n.kind))return t;let i=Ln(r,s,e),a=Wn(r,s,e),o=n.evidence??{},d=n.kind==="sequence"?qn(o,s):n.kind==="group"?Gn(o,s):Vn(n,s,e);return!i||!a||!d?t:{title:`${i} ${a}`,description:d}}function Bt(n,e){let{t,context:s,busy:r,decisions:i,onDecide:a}=e,o=`kind_${n.kind}`,d=t(o)===o?B(n.kind):t(o),c=`title-${n.id}`,h=n.ai_worded&&n.evidence_text&&n.evidence_text!==n.description?n.evidence_text:void 0,l=Pt(n,s),p=xe(n,s);return g`
    <li class="suggestion" data-id=${n.id} data-kind=${n.kind}>
      <span class="kind">${d}</span>
      ${l.map(m=>g`<span class="badge presence">${m}</span>`)}
      <h3 id=${c}>${p.title}</h3>
      <p class="evidence">${p.description}${h?g`<br />${h}`:u}</p>
      ${Ht(n.evidence??{},s)}
      ${n.automation?g`<details>
            <summary>${t("show_automation")}</summary>
            <pre>${At(n.automation)}</pre>
          </details>`:g`<p class="hint">${t("no_automation")}</p>`}
      <div class="actions">
        ${i.includes("snooze")?g`<button class="snooze" aria-describedby=${c} ?disabled=${r}
              @click=${()=>a(n,"snooze")}>${t("snooze")}</button>`:u}
        <button class="dismiss" aria-describedby=${c} ?disabled=${r}
          @click=${()=>a(n,"dismiss")}>${t("dismiss")}</button>
        ${n.automation?g`<button class="accept primary" aria-describedby=${c} ?disabled=${r}
              @click=${()=>a(n,"accept")}>${t("accept")}</button>`:u}
      </div>
    </li>
  `}var I="ai_automation",Be="ai-automation-card",Ve=5,Vt=30,Fn=10,Zn=["last_run","last_run_status","suggestions_open"];function ke(n){return n&&typeof n=="object"&&"message"in n?String(n.message):String(n)}var se=class extends T{constructor(){super();this._entityIds={};this._watched="";this._request=0;this._count=t=>wt(t,{language:this._language,number_format:this.hass?.locale?.number_format});this._total=0,this._running=!1,this._busy=new Set,this._created=[],this._undoable=[]}disconnectedCallback(){super.disconnectedCallback();for(let t of this._undoable)window.clearTimeout(t.timer);this._undoable=[]}static getConfigElement(){return document.createElement("ai-automation-card-editor")}static getStubConfig(){return{show_header:!0,max_suggestions:Ve}}setConfig(t){if(!t||typeof t!="object")throw new Error("Invalid configuration");if(t.kinds!==void 0&&!Array.isArray(t.kinds))throw new Error("kinds must be a list");if(t.areas!==void 0&&!Array.isArray(t.areas))throw new Error("areas must be a list");let s=JSON.stringify(t)!==JSON.stringify(this._config);this._config=t,s&&this.hass&&this._refresh()}getCardSize(){let t=this._suggestions?.length??Math.min(this._config?.max_suggestions??Ve,3);return(this._config?.show_header===!1?1:3)+5*Math.max(t,1)}getGridOptions(){return{columns:12,min_columns:6,rows:"auto"}}get _t(){return X(this.hass?.locale?.language??this.hass?.language)}get _language(){return this.hass?.locale?.language??this.hass?.language??"en"}_entity(t){if(!this._entityIds[t]&&this.hass?.entities)for(let r of Object.values(this.hass.entities))r.platform===I&&r.translation_key&&(this._entityIds[r.translation_key]=r.entity_id);let s=this._entityIds[t];return s?this.hass?.states[s]:void 0}willUpdate(t){if(!t.has("hass")||!this.hass)return;let s=Zn.map(r=>this._entity(r)?.state??"").join("|");(s!==this._watched||this._status===void 0)&&(this._watched=s,this._refresh())}get _context(){let t=this.hass;return{t:this._t,language:this._language,name:s=>{let r=t?.states[s]?.attributes.friendly_name;return typeof r=="string"&&r?r:B(s.split(".").slice(1).join("."))},state:(s,r)=>{let i=t?.states[s];return i&&t?.formatEntityState?t.formatEntityState(i,r):r}}}async _refresh(){if(!this.hass||!this._config)return;let t=++this._request,s={type:`${I}/suggestions`,status:"new",limit:this._config.max_suggestions??Ve};this._config.kinds?.length&&(s.kinds=this._config.kinds),this._config.areas?.length&&(s.area_ids=this._config.areas);try{let[r,i]=await Promise.all([this.hass.callWS({type:`${I}/status`}),this.hass.callWS(s)]);if(t!==this._request)return;this._status=r,this._suggestions=i.suggestions,this._total=i.total,this._error=void 0}catch(r){if(t!==this._request)return;let i=r&&typeof r=="object"&&"code"in r?r.code:void 0;this._error=i==="not_loaded"?this._t("not_loaded"):this._t("load_error",{error:ke(r)})}}async _runAnalysis(){if(this.hass){this._running=!0;try{await this.hass.callService(I,"run_analysis",{})}catch(t){this._error=this._t("action_failed",{error:ke(t)})}finally{this._running=!1}await this._refresh()}}async _decide(t,s){if(this.hass){this._busy=new Set([...this._busy,t.id]);try{let r=await this.hass.callWS({type:`${I}/suggestions/handle`,suggestion_id:t.id,decision:s,...s==="snooze"?{days:Vt}:{}});(s==="snooze"||s==="dismiss")&&this._offerUndo(t,s),s==="accept"&&(this._created=[...this._created,{id:t.id,title:r.ai_worded?r.title:xe(t,this._context).title,automationId:r.automation_id??`${I}_${t.id}`}]),this._suggestions=this._suggestions?.filter(i=>i.id!==t.id),this._error=void 0}catch(r){this._error=this._t("action_failed",{error:ke(r)})}finally{let r=new Set(this._busy);r.delete(t.id),this._busy=r}await this._refresh()}}_offerUndo(t,s){let r=window.setTimeout(()=>this._forgetUndo(t.id),Fn*1e3);this._forgetUndo(t.id),this._undoable=[...this._undoable,{id:t.id,title:t.title,decision:s,timer:r}]}_forgetUndo(t){let s=this._undoable.find(r=>r.id===t);s&&(window.clearTimeout(s.timer),this._undoable=this._undoable.filter(r=>r.id!==t))}async _undo(t){if(this.hass){this._forgetUndo(t.id);try{await this.hass.callWS({type:`${I}/suggestions/handle`,suggestion_id:t.id,decision:"restore"}),this._error=void 0}catch(s){this._error=this._t("action_failed",{error:ke(s)})}await this._refresh()}}render(){let t=this._t;return g`
      <ha-card>
        ${this._config?.show_header===!1?u:this._renderHeader(t)}
        ${this._error?g`<p class="error" role="alert">${this._error}</p>`:u}
        ${this._created.length?g`<ul class="suggestions created" aria-live="polite">
              ${this._created.map(s=>g`<li class="suggestion done" data-id=${s.id}>
                  <span>${t("created",{title:s.title})}</span> ·
                  <a href="/config/automation/edit/${s.automationId}">${t("open_editor")}</a>
                </li>`)}
            </ul>`:u}
        ${this._undoable.length?g`<ul class="undoable" role="status" aria-live="polite">
              ${Ue(this._undoable,s=>s.id,s=>g`<li class="done" data-undo=${s.id} data-decision=${s.decision}>
                  <span>${s.decision==="snooze"?t("snoozed_notice",{days:Vt,title:s.title}):t("dismissed_notice",{title:s.title})}</span>
                  <button class="undo" @click=${()=>this._undo(s)}>${t("undo")}</button>
                </li>`)}
            </ul>`:u}
        ${this._renderSuggestions(t)}
      </ha-card>
    `}_renderHeader(t){return yt({t,language:this._language,broker:this._entity("mqtt_broker")?.state,bridge:this._entity("zigbee2mqtt_bridge")?.state,status:this._status,running:this._running||this._status?.running||this._entity("last_run_status")?.state==="running",onRun:()=>void this._runAnalysis(),count:this._count})}_renderSuggestions(t){if(this._suggestions===void 0)return u;if(!this._suggestions.length)return g`<p class="empty">${bt(this._status,t,this._count)}</p>`;let s=this._total-this._suggestions.length;return g`
      <ul class="suggestions">
        ${Ue(this._suggestions,r=>r.id,r=>this._renderSuggestion(r,t))}
      </ul>
      ${s>0?g`<div class="more">${t("more",{n:s})}</div>`:u}
    `}_renderSuggestion(t,s){return Bt(t,{t:s,context:this._context,busy:this._busy.has(t.id),decisions:this._status?.decisions??["accept","dismiss"],onDecide:(r,i)=>void this._decide(r,i)})}};se.styles=kt,se.properties={hass:{attribute:!1},_config:{state:!0},_status:{state:!0},_suggestions:{state:!0},_total:{state:!0},_error:{state:!0},_running:{state:!0},_busy:{state:!0},_created:{state:!0},_undoable:{state:!0}};function Qn(){if(customElements.get("ai-automation-card-editor")||customElements.define("ai-automation-card-editor",ee),customElements.get(Be))return;customElements.define(Be,se);let n=X(vt());window.customCards=window.customCards??[],window.customCards.push({type:Be,name:n("card_name"),description:n("card_description"),preview:!0,documentationURL:"https://github.com/ai-automation-team/ai_automation#dashboard-card"})}customElements.whenDefined("home-assistant").then(Qn);export{se as AiAutomationCard};
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
